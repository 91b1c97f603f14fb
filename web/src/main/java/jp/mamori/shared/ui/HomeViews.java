package jp.mamori.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.mamori.shared.Role;

/** Finds each role's home view among the registered routes (the views marked {@link RoleHome}). */
public final class HomeViews {

    private HomeViews() {
    }

    /** The home of the first role (in {@link Role} order) the person holds. */
    public static Optional<Class<? extends Component>> forRoles(Set<Role> roles) {
        Map<Role, Class<? extends Component>> homes = all();
        for (Role role : Role.values()) {
            if (roles.contains(role) && homes.containsKey(role)) {
                return Optional.of(homes.get(role));
            }
        }
        return Optional.empty();
    }

    public static Map<Role, Class<? extends Component>> all() {
        return RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getNavigationTarget)
                .filter(target -> target.isAnnotationPresent(RoleHome.class))
                .collect(Collectors.toMap(target -> target.getAnnotation(RoleHome.class).value(), Function.identity()));
    }
}
