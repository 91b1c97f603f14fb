package jp.mamori.shared.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import jp.mamori.shared.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs background work (the exam finaliser) as the system, a principal with no role: enough to append evidence,
 * never enough to open a view or an administrator's service.
 */
public final class SystemTask {

    private SystemTask() {
    }

    public static void run(Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SystemPrincipal(), null,
                List.of(new SimpleGrantedAuthority(Role.authorityOf("SYSTEM")))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The system as a principal: id 0, no roles. */
    public record SystemPrincipal() implements MamoriPrincipal, Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public long id() {
            return 0;
        }

        @Override
        public String email() {
            return "system";
        }

        @Override
        public String displayName() {
            return "Mamori";
        }

        @Override
        public Set<Role> roles() {
            return Set.of();
        }

        @Override
        public ZoneId zone() {
            return ZoneId.of("Asia/Tokyo");
        }
    }
}
