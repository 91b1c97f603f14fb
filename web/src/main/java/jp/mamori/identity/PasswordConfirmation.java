package jp.mamori.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-authentication before something is signed: the logged-in person types their password again, or, after a single
 * sign-on, logs in at the provider again (asked with {@code prompt=login&max_age=0}) shortly before signing.
 */
@Service
public class PasswordConfirmation {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration ssoValidity;

    PasswordConfirmation(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock,
                         @Value("${mamori.sso.reauthentication-validity:PT5M}") Duration ssoValidity) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
        this.ssoValidity = ssoValidity;
    }

    /** Whether the logged-in person confirms at the OpenID provider (they logged in through it) rather than by password. */
    @PreAuthorize("isAuthenticated()")
    public boolean throughProvider() {
        return CurrentPrincipal.require() instanceof SsoUser;
    }

    /** How long a fresh login at the provider counts for signing. */
    @PreAuthorize("isAuthenticated()")
    public Duration providerConfirmationValidity() {
        return ssoValidity;
    }

    /** Until when a re-authentication at the provider counts for signing; empty when there is none (or it expired). */
    @PreAuthorize("isAuthenticated()")
    public Optional<Instant> providerConfirmationValidUntil() {
        if (!(CurrentPrincipal.require() instanceof SsoUser sso) || sso.authenticatedAt() == null) {
            return Optional.empty();
        }
        Instant until = sso.authenticatedAt().plus(ssoValidity);
        return clock.instant().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /**
     * Whether the password is the logged-in person's, or for a person logged in through the provider, whether they
     * logged in there again within the last minutes (the password is then not asked). A failure is audited as a
     * failed login.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean confirms(String password) {
        MamoriPrincipal me = CurrentPrincipal.require();
        if (throughProvider()) {
            boolean recent = providerConfirmationValidUntil().isPresent();
            if (!recent) {
                auditLog.record(AuditAction.LOGIN_FAILED, me.email(), me.email(), "re-authentication to sign: no recent single sign-on");
            }
            return recent;
        }
        String hash = users.findById(me.id()).map(UserAccount::getPasswordHash).orElse(null);
        boolean right = password != null && !password.isEmpty() && hash != null && passwordEncoder.matches(password, hash);
        if (!right) {
            auditLog.record(AuditAction.LOGIN_FAILED, me.email(), me.email(), "re-authentication to sign");
        }
        return right;
    }
}
