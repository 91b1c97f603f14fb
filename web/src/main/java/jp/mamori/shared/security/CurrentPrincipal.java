package jp.mamori.shared.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the logged-in {@link MamoriPrincipal} from the security context. */
public final class CurrentPrincipal {

    private CurrentPrincipal() {
    }

    public static Optional<MamoriPrincipal> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MamoriPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    public static MamoriPrincipal require() {
        return get().orElseThrow(() -> new IllegalStateException("no logged-in Mamori user"));
    }
}
