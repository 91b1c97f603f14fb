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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins per account and locks it after too many within the window; records every
 * login, failure and lockout in the audit log. Listens to Spring Security's authentication events.
 * The account is updated in a transaction of its own and the audit entry written after it ended (the audit log opens
 * its own): one database connection at a time per login, so a rush of logins cannot hold the whole pool while each
 * waits for a second connection.
 */
@Component
class LoginAttempts {

    private final UserAccountRepository users;
    private final AuditLog auditLog;
    private final Clock clock;
    private final UserAccount.LockoutPolicy policy;
    private final TransactionTemplate ownTransaction;

    LoginAttempts(UserAccountRepository users, AuditLog auditLog, Clock clock, PlatformTransactionManager transactions,
                  @Value("${mamori.security.lockout.max-failures:10}") int maxFailures,
                  @Value("${mamori.security.lockout.window:PT15M}") Duration window,
                  @Value("${mamori.security.lockout.duration:PT30M}") Duration lockDuration) {
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
        this.policy = new UserAccount.LockoutPolicy(maxFailures, window, lockDuration);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        String email = event.getAuthentication().getName();
        if (event.getAuthentication().getPrincipal() instanceof SsoUser) {
            // The provider checked the person; the password's failure counter and lock are left as they are.
            auditLog.record(AuditAction.LOGIN, email, null, "single sign-on");
            return;
        }
        ownTransaction.executeWithoutResult(status -> users.findForUpdate(email).ifPresent(UserAccount::recordSuccess));
        auditLog.record(AuditAction.LOGIN, email, null, null);
    }

    @EventListener
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
        Failure failure = ownTransaction.execute(status -> users.findForUpdate(email).map(user -> {
            boolean lockedNow = user.recordFailure(clock.instant(), policy);
            return new Failure(user.getFailedLogins(), lockedNow ? user.getLockedUntil() : null);
        }).orElse(null));
        if (failure == null) {
            auditLog.record(AuditAction.LOGIN_FAILED, email, null, "unknown account");
            return;
        }
        auditLog.record(AuditAction.LOGIN_FAILED, email, email,
                cause.getClass().getSimpleName() + ", failure " + failure.count() + " of " + policy.maxFailures());
        if (failure.lockedUntil() != null) {
            auditLog.record(AuditAction.ACCOUNT_LOCKED, email, email, "locked until " + failure.lockedUntil());
        }
    }

    /** A failed login as counted on the account: the failures in the window, and the lock's end when this one locked it. */
    private record Failure(int count, Instant lockedUntil) {
    }
}
