package jp.mamori.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links to set a password: for the first administrator, for new users and after a reset.
 * A link works once and expires; the token itself is never stored.
 */
@Service
public class PasswordLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String baseUrl;
    private final Duration validity;

    PasswordLinks(PasswordTokenRepository tokens, PasswordEncoder passwordEncoder,
                  AuditLog auditLog, Clock clock,
                  @Value("${mamori.base-url:http://localhost:8080}") String baseUrl,
                  @Value("${mamori.security.password-link-validity:PT72H}") Duration validity) {
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.validity = validity;
    }

    /** Issues a new link for the user and returns its full URL. Called by user administration and at bootstrap. */
    @Transactional
    String issue(UserAccount user, String issuedBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        tokens.save(new PasswordToken(tokenHash(token), user, now, now.plus(validity)));
        auditLog.record(AuditAction.PASSWORD_LINK_ISSUED, issuedBy, user.getEmail(), "valid until " + now.plus(validity));
        return baseUrl + "/set-password?token=" + token;
    }

    /** The e-mail address the link is for, while the link is still usable. Anyone holding a link may ask. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<String> accountFor(String token) {
        return find(token).map(t -> t.user().getEmail());
    }

    /**
     * Sets the password through a link and uses the link up. Returns the translation key of the problem,
     * or empty on success. Anyone holding a link may use it: the link is the credential.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public Optional<String> setPassword(String token, String password) {
        Optional<PasswordToken> found = find(token);
        if (found.isEmpty()) {
            return Optional.of("password.error.link-invalid");
        }
        UserAccount user = found.get().user();
        Optional<String> problem = PasswordRules.problem(password, user.getEmail());
        if (problem.isPresent()) {
            return problem;
        }
        user.setPasswordHash(passwordEncoder.encode(password));
        user.unlock();
        found.get().use(clock.instant());
        auditLog.record(AuditAction.PASSWORD_SET, user.getEmail(), user.getEmail(), "through a one-time link");
        return Optional.empty();
    }

    private Optional<PasswordToken> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findById(tokenHash(token)).filter(t -> t.usableAt(clock.instant()));
    }


    /** Only this hash of a link's token is stored. */
    private static String tokenHash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
