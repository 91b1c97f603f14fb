package jp.mamori.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Who may use the actuator endpoints (on the application port, or on {@code management.server.port} when set):
 * health and its liveness and readiness groups are open to anyone (load balancers, orchestrators) and show only
 * UP or DOWN; the Prometheus metrics need the metrics scraper's HTTP Basic credentials; every other actuator path is
 * refused. Checked before the application's own chain (identity.SecurityConfiguration), so a logged-in person's
 * session counts for nothing here and a person's password is never accepted.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ManagementSecurityConfiguration.class);

    /** Actuator responses are JSON or text: nothing in them may load, run or be framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String CHALLENGE = "Basic realm=\"Mamori metrics\", charset=\"UTF-8\"";

    @Bean
    @Order(1)
    SecurityFilterChain managementSecurityFilterChain(HttpSecurity http,
                                                      @Value("${mamori.metrics.username:prometheus}") String username,
                                                      @Value("${mamori.metrics.password:}") String password) throws Exception {
        MetricsScraperAuthentication scraper = new MetricsScraperAuthentication(username, password);
        if (!scraper.configured()) {
            log.info("/actuator/prometheus refuses every caller: set MAMORI_METRICS_PASSWORD to let Prometheus in");
        }
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .requestMatchers(EndpointRequest.to("prometheus")).hasRole(MetricsScraperAuthentication.ROLE)
                        .anyRequest().denyAll())
                .authenticationManager(new ProviderManager(scraper))
                .httpBasic(basic -> basic.authenticationEntryPoint(ManagementSecurityConfiguration::askForCredentials))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ManagementSecurityConfiguration::askForCredentials)
                        .accessDeniedHandler((request, response, denied) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * 401 with the Basic challenge, as a plain status: {@code sendError} would hand the request on to the error page,
     * which belongs to the application's chain and answers anonymous callers with a redirect to the login page.
     */
    private static void askForCredentials(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
