package jp.mamori.identity;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address within a sliding window, counted from Spring Security's failure events (whatever
 * page the failure then shows), in memory on this node. {@link LoginRateLimit} asks it before a password is checked.
 */
@Component
class LoginFailuresByAddress {

    private final RequestRateLimit failures;

    LoginFailuresByAddress(Clock clock,
                           @Value("${mamori.security.login-rate-limit.max-failures:100}") int maxFailures,
                           @Value("${mamori.security.login-rate-limit.window:PT5M}") Duration window) {
        this.failures = new RequestRateLimit(clock, maxFailures, window);
    }

    /** A failed login (wrong password, unknown, locked or closed account) counts against the address it came from. */
    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            failures.count(details.getRemoteAddress());
        }
    }

    /** Whether this address may try once more. */
    boolean hasRoom(String clientAddress) {
        return failures.hasRoom(clientAddress);
    }
}
