package jp.mamori.identity;

import java.io.Serial;
import java.time.Instant;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A person logged in through the OpenID provider: the provider's tokens, with Mamori's account and roles. */
final class SsoUser extends DefaultOidcUser implements SignedInAccount.Holder {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SignedInAccount account;

    SsoUser(SignedInAccount account, OidcUser provided) {
        super(account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).collect(Collectors.toUnmodifiableSet()),
                provided.getIdToken(), provided.getUserInfo());
        this.account = account;
    }

    @Override
    public SignedInAccount account() {
        return account;
    }

    /** The Mamori account's address, as for a password login (the audit log and lockout key on it). */
    @Override
    public String getName() {
        return account.email();
    }

    /** When the provider last checked the person's credentials (a re-authentication renews it). */
    Instant authenticatedAt() {
        return getAuthenticatedAt() != null ? getAuthenticatedAt() : getIssuedAt();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SsoUser that && that.id() == id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id());
    }

    @Override
    public String toString() {
        return "SsoUser[" + account.email() + ", " + account.roles() + "]";
    }
}
