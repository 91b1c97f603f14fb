package jp.mamori.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Mamori account behind a single sign-on: found by e-mail address, or created just in time as a LEARNER in the
 * department the provider names. A deactivated account, an address the provider says is unverified, or no address at
 * all: refused. Each creation and refusal is audited; the login itself is audited like a password login.
 */
@Service
class SsoAccounts {

    private final UserAccountRepository users;
    private final DepartmentRepository departments;
    private final AuditLog auditLog;
    private final Clock clock;

    SsoAccounts(UserAccountRepository users, DepartmentRepository departments, AuditLog auditLog, Clock clock) {
        this.users = users;
        this.departments = departments;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What the provider said about the person, from the ID token and the user-info endpoint. */
    record Claims(String email, Boolean emailVerified, String name, String department) {
    }

    /** Admitted with an account, or refused for a reason the login page explains. */
    sealed interface Outcome {
    }

    record Admitted(SignedInAccount account) implements Outcome {
    }

    record Refused(Reason reason) implements Outcome {
    }

    enum Reason {
        NO_EMAIL, EMAIL_NOT_VERIFIED, DEACTIVATED
    }

    /** Refusals are returned, not thrown, so their audit record is kept with the transaction. */
    @Transactional
    Outcome signIn(Claims claims) {
        String email = claims.email() == null ? "" : claims.email().strip();
        if (!UserAdministration.validEmail(email)) {
            auditLog.record(AuditAction.LOGIN_FAILED, "sso", null, "single sign-on without a usable e-mail address");
            return new Refused(Reason.NO_EMAIL);
        }
        if (Boolean.FALSE.equals(claims.emailVerified())) {
            auditLog.record(AuditAction.LOGIN_FAILED, email, email, "single sign-on: the provider has not verified the address");
            return new Refused(Reason.EMAIL_NOT_VERIFIED);
        }
        Instant now = clock.instant();
        UserAccount user = users.findForUpdate(email).orElse(null);
        if (user == null) {
            user = create(email, claims, now);
        } else if (!user.isEnabled()) {
            auditLog.record(AuditAction.LOGIN_FAILED, email, email, "single sign-on: account deactivated");
            return new Refused(Reason.DEACTIVATED);
        } else if (!user.isEmailVerified()) {
            // A self-registered account waiting for its link: the provider has just vouched for the address.
            user.verifyEmail(now);
            auditLog.record(AuditAction.EMAIL_VERIFIED, email, email, "through single sign-on");
        }
        return new Admitted(SignedInAccount.of(user));
    }

    private UserAccount create(String email, Claims claims, Instant now) {
        String name = claims.name() == null || claims.name().isBlank() ? email.substring(0, email.indexOf('@')) : claims.name().strip();
        Department department = department(claims.department());
        UserAccount user = users.save(new UserAccount(email, name.length() > 200 ? name.substring(0, 200) : name,
                department, EnumSet.of(Role.LEARNER), now));
        String where = department != null ? "department " + department.getCode()
                : claims.department() != null ? "department claim matches no department" : "no department claim";
        auditLog.record(AuditAction.USER_CREATED, "sso", email, "just in time at single sign-on, LEARNER, " + where);
        return user;
    }

    /** The department whose code, or else whose name, is the claim's value. */
    private Department department(String claim) {
        if (claim == null || claim.isBlank()) {
            return null;
        }
        String value = claim.strip();
        return departments.findByCode(value).orElseGet(() -> departments.findFirstByName(value).orElse(null));
    }
}
