package jp.mamori.identity;

import java.io.Serial;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal Spring Security keeps in the session after login. */
final class MamoriUserDetails implements UserDetails, CredentialsContainer, MamoriPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean locked;
    private final boolean enabled;
    private final boolean emailVerified;
    private final ZoneId zone;
    private String passwordHash;

    MamoriUserDetails(UserAccount user, boolean locked) {
        this.id = user.getId();
        this.email = user.getEmail();
        this.displayName = user.getDisplayName();
        this.roles = user.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.getRoles());
        this.locked = locked;
        // An account without a password (not yet set through its link) cannot log in.
        this.enabled = user.isEnabled() && user.getPasswordHash() != null;
        this.emailVerified = user.isEmailVerified();
        this.passwordHash = user.getPasswordHash();
        this.zone = ZoneId.of(user.getTimeZone());
    }

    @Override
    public ZoneId zone() {
        return zone;
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
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
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
        return other instanceof MamoriUserDetails that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "MamoriUserDetails[" + email + ", " + roles + "]";
    }
}
