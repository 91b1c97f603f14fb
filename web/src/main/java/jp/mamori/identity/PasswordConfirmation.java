package jp.mamori.identity;

import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Re-authentication before something is signed: the logged-in person types their password again. */
@Service
public class PasswordConfirmation {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;

    PasswordConfirmation(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
    }

    /** Whether the password is the logged-in person's; a wrong one is audited as a failed login. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean confirms(String password) {
        MamoriPrincipal me = CurrentPrincipal.require();
        String hash = users.findById(me.id()).map(UserAccount::getPasswordHash).orElse(null);
        boolean right = password != null && !password.isEmpty() && hash != null && passwordEncoder.matches(password, hash);
        if (!right) {
            auditLog.record(AuditAction.LOGIN_FAILED, me.email(), me.email(), "re-authentication to sign");
        }
        return right;
    }
}
