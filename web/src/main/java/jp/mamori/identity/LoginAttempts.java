package jp.mamori.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account and locks it after too many within the window; records every
 * login, failure and lockout in the audit log. Listens to Spring Security's authentication events.
 */
@Component
class LoginAttempts {

    private final UserAccountRepository users;
    private final AuditLog auditLog;
    private final Clock clock;
    private final UserAccount.LockoutPolicy policy;

    LoginAttempts(UserAccountRepository users, AuditLog auditLog, Clock clock,
                  @Value("${mamori.security.lockout.max-failures:10}") int maxFailures,
                  @Value("${mamori.security.lockout.window:PT15M}") Duration window,
                  @Value("${mamori.security.lockout.duration:PT30M}") Duration lockDuration) {
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
        this.policy = new UserAccount.LockoutPolicy(maxFailures, window, lockDuration);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSuccess(AuthenticationSuccessEvent event) {
        String email = event.getAuthentication().getName();
        if (event.getAuthentication().getPrincipal() instanceof SsoUser) {
            // The provider checked the person; the password's failure counter and lock are left as they are.
            auditLog.record(AuditAction.LOGIN, email, null, "single sign-on");
            return;
        }
        users.findForUpdate(email).ifPresent(UserAccount::recordSuccess);
        auditLog.record(AuditAction.LOGIN, email, null, null);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return; // single sign-on refusals are audited where they are decided (SsoAccounts)
        }
        String email = String.valueOf(event.getAuthentication().getPrincipal()).strip();
        Exception cause = event.getException();
        if (cause instanceof LockedException) {
            auditLog.record(AuditAction.LOGIN_FAILED, email, email, "account is locked");
            return;
        }
        var account = users.findForUpdate(email);
        if (account.isEmpty()) {
            auditLog.record(AuditAction.LOGIN_FAILED, email, null, "unknown account");
            return;
        }
        UserAccount user = account.get();
        Instant now = clock.instant();
        boolean lockedNow = user.recordFailure(now, policy);
        auditLog.record(AuditAction.LOGIN_FAILED, email, email,
                cause.getClass().getSimpleName() + ", failure " + user.getFailedLogins() + " of " + policy.maxFailures());
        if (lockedNow) {
            auditLog.record(AuditAction.ACCOUNT_LOCKED, email, email, "locked until " + user.getLockedUntil());
        }
    }
}
