package jp.mamori.identity.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jp.mamori.shared.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Vaadin's route access check, answering "is the user in role X" from the signed-in authentication's authorities
 * ({@code ROLE_X}, see {@link Role#authorityOf(String)}). Vaadin's own answer first looks up its role-prefix
 * holder through a service-loader scan of every jar on each navigation; inside the packaged jar that scan queues on
 * one lock, and with 2,000 candidates opening the exam at once it held request threads for seconds
 * (docs/performance.md). The decision is the same: the access matrix tests every route for every role. (Vaadin also
 * reads the principal from the request for websocket push, where the security context is empty; Mamori polls.)
 */
public final class AuthorityNavigationAccessControl extends SpringNavigationAccessControl {

    public AuthorityNavigationAccessControl(Collection<NavigationAccessChecker> checkers, AccessCheckDecisionResolver resolver) {
        super(checkers, resolver);
    }

    @Override
    protected Predicate<String> getRolesChecker(VaadinRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return role -> false;
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        return role -> authorities.contains(Role.authorityOf(role));
    }
}
