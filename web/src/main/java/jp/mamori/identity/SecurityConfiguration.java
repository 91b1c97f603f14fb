package jp.mamori.identity;

import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.List;
import java.util.Map;
import jp.mamori.evidence.AuditLog;
import jp.mamori.identity.ui.AuthorityNavigationAccessControl;
import jp.mamori.identity.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;

/**
 * Form login through the Vaadin login view, single sign-on through an OpenID provider when configured; roles checked on views ({@code @RolesAllowed}) and on
 * service methods ({@code @PreAuthorize}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /** Argon2id as recommended by OWASP: 19 MiB memory, 2 iterations, parallelism 1, 16-byte salt, 32-byte hash. */
    static final Argon2PasswordEncoder ARGON2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

    /**
     * Vaadin's route check as Vaadin configures it, with roles read from the authentication (see the class). Vaadin
     * declares its own unconditionally; this one is primary, so it is the one registered on every UI.
     */
    @Bean
    @Primary
    NavigationAccessControl authorityNavigationAccessControl(List<NavigationAccessChecker> checkers,
                                                             NavigationAccessControlConfigurer configurer) {
        return configurer.build(AuthorityNavigationAccessControl::new, checkers);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SsoLogin sso, AuditLog auditLog,
                                            LoginFailuresByAddress loginFailures) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles.css", "/images/**").permitAll()
                // The public certificate verification page (certification.ui.VerifyView, @AnonymousAllowed) is
                // opened from QR codes by people without an account; said here too, not only by Vaadin's route check.
                .requestMatchers("/verify", "/verify/*").permitAll()
                // What third parties fetch to verify an Open Badges credential (certification.BadgeKeyEndpoints).
                .requestMatchers("/.well-known/jwks.json", "/badges/keys/*", "/badges/issuer").permitAll());
        // A request with a session id that is no longer valid (30 minutes without an open page, or a
        // server restart) goes to the login page, which says the session ended.
        http.sessionManagement(sessions -> sessions.invalidSessionUrl("/login?expired"));
        http.headers(headers -> headers
                // What Vaadin's client needs (its documented CSP: inline bootstrap script and eval of server-sent
                // expressions, inline styles of the components, data: icons); nothing from other origins, no framing.
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                // Sent on HTTPS requests only (behind a TLS proxy: SERVER_FORWARD_HEADERS_STRATEGY=native).
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                // Without the old cookie, the next visit is not mistaken for an expired session.
                .addLogoutHandler(new CookieClearingLogoutHandler("JSESSIONID")));
        http.addFilterBefore(new LoginRateLimit(loginFailures, auditLog), UsernamePasswordAuthenticationFilter.class);
        // OpenID Connect beside the password form, when an issuer is configured.
        sso.configure(http);
        return http.build();
    }

    /** Stored hashes carry their scheme ({@code {argon2}...}) so parameters can change without a migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", ARGON2));
    }
}
