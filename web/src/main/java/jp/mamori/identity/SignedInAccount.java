package jp.mamori.identity;

import java.io.Serial;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.MamoriPrincipal;

/** What the session keeps of the account a person logged in as, however they logged in (password or provider). */
record SignedInAccount(long id, String email, String displayName, Set<Role> roles, ZoneId zone) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    SignedInAccount {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    static SignedInAccount of(UserAccount user) {
        return new SignedInAccount(user.getId(), user.getEmail(), user.getDisplayName(), user.getRoles(), ZoneId.of(user.getTimeZone()));
    }

    @Override
    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    /** A principal whose answers come from the account it holds. */
    interface Holder extends MamoriPrincipal {

        SignedInAccount account();

        @Override
        default long id() {
            return account().id();
        }

        @Override
        default String email() {
            return account().email();
        }

        @Override
        default String displayName() {
            return account().displayName();
        }

        @Override
        default Set<Role> roles() {
            return account().roles();
        }

        @Override
        default ZoneId zone() {
            return account().zone();
        }
    }
}
