package jp.mamori.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal Spring Security keeps in the session after login. */
final class MamoriUserDetails implements UserDetails, CredentialsContainer, SignedInAccount.Holder {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SignedInAccount account;
    private final boolean locked;
    private final boolean enabled;
    private final boolean emailVerified;
    private String passwordHash;

    MamoriUserDetails(UserAccount user, boolean locked) {
        this.account = SignedInAccount.of(user);
        this.locked = locked;
        // An account without a password (not yet set through its link) cannot log in.
        this.enabled = user.isEnabled() && user.getPasswordHash() != null;
        this.emailVerified = user.isEmailVerified();
        this.passwordHash = user.getPasswordHash();
    }

    @Override
    public SignedInAccount account() {
        return account;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.email();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Checked after the password (see {@link VerifiedEmailLogin}), so only the account holder learns of it. */
    boolean emailVerified() {
        return emailVerified;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MamoriUserDetails that && that.id() == id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id());
    }

    @Override
    public String toString() {
        return "MamoriUserDetails[" + account.email() + ", " + account.roles() + "]";
    }
}
