package jp.mamori.identity;

import java.time.Instant;
import java.util.Set;
import jp.mamori.shared.Role;

/** A person as the user administration lists them. */
public record UserSummary(long id, String email, String displayName, String department, Set<Role> roles,
                          boolean locked, Instant lockedUntil, boolean passwordSet, boolean active) {

    static UserSummary of(UserAccount user, Instant now) {
        return new UserSummary(user.getId(), user.getEmail(), user.getDisplayName(),
                user.getDepartment() == null ? "" : user.getDepartment().getName(), user.getRoles(),
                user.isLocked(now), user.getLockedUntil(), user.getPasswordHash() != null,
                user.isEnabled());
    }
}
