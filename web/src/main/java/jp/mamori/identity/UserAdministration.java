package jp.mamori.identity;

import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing people: list, create (with a one-time link to set the password), change roles, unlock, deactivate
 * leavers and reactivate them.
 * The PMS office (TRAINING_ADMIN) and operators (SYSTEM_ADMIN) manage; the privacy officer reads.
 */
@Service
public class UserAdministration {

    static final String MANAGERS = "hasAnyRole('TRAINING_ADMIN','SYSTEM_ADMIN')";
    private static final String READERS = "hasAnyRole('TRAINING_ADMIN','SYSTEM_ADMIN','PRIVACY_OFFICER')";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    /** An address Mamori accepts for an account: one {@code @}, a dotted domain, at most 254 characters. */
    static boolean validEmail(String email) {
        return email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    private final UserAccountRepository users;
    private final DepartmentRepository departments;
    private final PasswordLinks passwordLinks;
    private final AuditLog auditLog;
    private final Clock clock;

    UserAdministration(UserAccountRepository users, DepartmentRepository departments, PasswordLinks passwordLinks,
                       AuditLog auditLog, Clock clock) {
        this.users = users;
        this.departments = departments;
        this.passwordLinks = passwordLinks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<UserSummary> users() {
        var now = clock.instant();
        return users.findAllByOrderByEmail().stream().map(user -> UserSummary.of(user, now)).toList();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<DepartmentSummary> departments() {
        return departments.findAllByOrderByCode().stream()
                .map(d -> new DepartmentSummary(d.getId(), d.getCode(), d.getName()))
                .toList();
    }

    /** How many people hold each role, and how many accounts are locked right now. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public PeopleOverview overview() {
        Map<Role, Long> byRole = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            byRole.put(role, users.countWithRole(role));
        }
        return new PeopleOverview(users.count(), users.countByLockedUntilAfter(clock.instant()), byRole);
    }

    /**
     * Creates an account without a password and returns the one-time link with which the person sets it.
     * Throws {@link UserAdministrationException} with a translation key when the input is not acceptable.
     */
    @PreAuthorize(MANAGERS)
    @Transactional
    public String create(NewUser request) {
        String email = request.email() == null ? "" : request.email().strip().toLowerCase(Locale.ROOT);
        if (!validEmail(email)) {
            throw new UserAdministrationException("users.error.email-invalid");
        }
        String name = request.displayName() == null ? "" : request.displayName().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new UserAdministrationException("users.error.name-required");
        }
        if (request.roles().isEmpty()) {
            throw new UserAdministrationException("users.error.role-required");
        }
        if (users.findByEmailIgnoreCase(email).isPresent()) {
            throw new UserAdministrationException("users.error.email-taken");
        }
        requireMayGrant(request.roles());
        Department department = request.departmentId() == null ? null
                : departments.findById(request.departmentId())
                        .orElseThrow(() -> new UserAdministrationException("users.error.department-unknown"));
        String actor = CurrentPrincipal.require().email();
        UserAccount user = users.save(new UserAccount(email, name, department, request.roles(), clock.instant()));
        auditLog.record(AuditAction.USER_CREATED, actor, email, "roles " + request.roles());
        return passwordLinks.issue(user, actor);
    }

    /** Replaces a person's roles; each grant and revocation is audited. Only a SYSTEM_ADMIN grants or revokes SYSTEM_ADMIN. */
    @PreAuthorize(MANAGERS)
    @Transactional
    public void changeRoles(long userId, Set<Role> roles) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new UserAdministrationException("users.error.not-found"));
        if (roles.isEmpty()) {
            throw new UserAdministrationException("users.error.role-required");
        }
        Set<Role> before = user.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.getRoles());
        Set<Role> granted = EnumSet.copyOf(roles);
        granted.removeAll(before);
        Set<Role> revoked = EnumSet.copyOf(before);
        revoked.removeAll(roles);
        Set<Role> changed = EnumSet.copyOf(granted);
        changed.addAll(revoked);
        requireMayGrant(changed);
        if (revoked.contains(Role.SYSTEM_ADMIN) && users.countWithRole(Role.SYSTEM_ADMIN) <= 1) {
            throw new UserAdministrationException("users.error.last-system-admin");
        }
        user.setRoles(roles);
        String actor = CurrentPrincipal.require().email();
        granted.forEach(role -> auditLog.record(AuditAction.ROLE_GRANTED, actor, user.getEmail(), role.name()));
        revoked.forEach(role -> auditLog.record(AuditAction.ROLE_REVOKED, actor, user.getEmail(), role.name()));
    }

    @PreAuthorize(MANAGERS)
    @Transactional
    public void unlock(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new UserAdministrationException("users.error.not-found"));
        user.unlock();
        auditLog.record(AuditAction.ACCOUNT_UNLOCKED, CurrentPrincipal.require().email(), user.getEmail(), null);
    }

    /** A leaver can no longer log in; the account and every record stay. Nobody deactivates themselves. */
    @PreAuthorize(MANAGERS)
    @Transactional
    public void deactivate(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new UserAdministrationException("users.error.not-found"));
        if (user.getId() == CurrentPrincipal.require().id()) {
            throw new UserAdministrationException("users.error.deactivate-self");
        }
        if (user.getRoles().contains(Role.SYSTEM_ADMIN)) {
            requireMayGrant(EnumSet.of(Role.SYSTEM_ADMIN));
        }
        user.deactivate(clock.instant());
        auditLog.record(AuditAction.USER_DEACTIVATED, CurrentPrincipal.require().email(), user.getEmail(), null);
    }

    @PreAuthorize(MANAGERS)
    @Transactional
    public void reactivate(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new UserAdministrationException("users.error.not-found"));
        user.reactivate();
        auditLog.record(AuditAction.USER_REACTIVATED, CurrentPrincipal.require().email(), user.getEmail(), null);
    }

    /** A new one-time link for someone who forgot their password or never used the first one. */
    @PreAuthorize(MANAGERS)
    @Transactional
    public String issuePasswordLink(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new UserAdministrationException("users.error.not-found"));
        return passwordLinks.issue(user, CurrentPrincipal.require().email());
    }

    private static void requireMayGrant(Set<Role> roles) {
        if (roles.contains(Role.SYSTEM_ADMIN) && !CurrentPrincipal.require().roles().contains(Role.SYSTEM_ADMIN)) {
            throw new UserAdministrationException("users.error.system-admin-only");
        }
    }

    /** The request to create a person. */
    public record NewUser(String email, String displayName, Long departmentId, Set<Role> roles) {
    }
}
