package jp.mamori.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import jp.mamori.shared.Role;

/** A person who can log in, with roles, a department, a language and the state of the lockout counter. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "department_id")
    private Department department;

    @Column(length = 8)
    private String language;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone = "Asia/Tokyo";

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "failure_window_start")
    private Instant failureWindowStart;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Null while a self-registered account waits for its address to be confirmed; such an account cannot log in. */
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", length = 32)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected UserAccount() {
    }

    public UserAccount(String email, String displayName, Department department, Set<Role> roles, Instant createdAt) {
        this.email = email;
        this.displayName = displayName;
        this.department = department;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.createdAt = createdAt;
        // Whoever creates an account this way (an administrator, an import, the bootstrap) vouches for the address.
        this.emailVerifiedAt = createdAt;
    }

    /** Counts a failed login; returns true when this failure locks the account. */
    boolean recordFailure(Instant now, LockoutPolicy policy) {
        if (failureWindowStart == null || !now.isBefore(failureWindowStart.plus(policy.window()))) {
            failureWindowStart = now;
            failedLogins = 0;
        }
        failedLogins++;
        if (failedLogins >= policy.maxFailures() && !isLocked(now)) {
            lockedUntil = now.plus(policy.lockDuration());
            return true;
        }
        return false;
    }

    void recordSuccess() {
        failedLogins = 0;
        failureWindowStart = null;
        lockedUntil = null;
    }

    void unlock() {
        recordSuccess();
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Self-registration: the account stays closed until the person opens the link mailed to the address. */
    void awaitEmailVerification() {
        emailVerifiedAt = null;
    }

    void verifyEmail(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
        }
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    /** A leaver: cannot log in any more, and every record of theirs stays. */
    void deactivate(Instant now) {
        enabled = false;
        deactivatedAt = now;
    }

    void reactivate() {
        enabled = true;
        deactivatedAt = null;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Department getDepartment() {
        return department;
    }

    public String getLanguage() {
        return language;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    /** How the lockout counts: at most {@code maxFailures} failures within {@code window}, then locked for {@code lockDuration}. */
    record LockoutPolicy(int maxFailures, Duration window, Duration lockDuration) {
    }
}
