package jp.mamori.identity;

import java.io.Serial;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A person logged in through the OpenID provider: the provider's tokens, with Mamori's account and roles. */
final class SsoUser extends DefaultOidcUser implements MamoriPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final String displayName;
    private final Set<Role> roles;
    private final ZoneId zone;

    SsoUser(SsoAccounts.Account account, OidcUser provided) {
        super(account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).collect(Collectors.toUnmodifiableSet()),
                provided.getIdToken(), provided.getUserInfo());
        this.id = account.id();
        this.email = account.email();
        this.displayName = account.displayName();
        this.roles = account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles());
        this.zone = account.zone();
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    /** The Mamori account's address, as for a password login (the audit log and lockout key on it). */
    @Override
    public String getName() {
        return email;
    }

    /** When the provider last checked the person's credentials (a re-authentication renews it). */
    Instant authenticatedAt() {
        return getAuthenticatedAt() != null ? getAuthenticatedAt() : getIssuedAt();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SsoUser that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "SsoUser[" + email + ", " + roles + "]";
    }
}
