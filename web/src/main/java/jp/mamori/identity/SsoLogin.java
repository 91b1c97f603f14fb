package jp.mamori.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Single sign-on through the organisation's OpenID provider (authorization code flow with PKCE): what the login page
 * offers, and the login endpoints ({@code /oauth2/authorization/sso} starts, {@code /login/oauth2/code/sso} returns).
 * A refusal or a provider failure comes back to {@code /login?sso=<reason>}, which the login page explains.
 */
@Component
@EnableConfigurationProperties(SsoSettings.class)
public class SsoLogin {

    /** Where the login page's button leads. */
    public static final String START_PATH = "/oauth2/authorization/" + SsoProvider.REGISTRATION_ID;
    /** Session attribute: the page to return to after a re-authentication. */
    private static final String RETURN_TO = SsoLogin.class.getName() + ".returnTo";
    private static final Logger log = LoggerFactory.getLogger(SsoLogin.class);

    private final SsoSettings settings;
    private final SsoProvider provider;
    private final SsoAccounts accounts;

    SsoLogin(SsoSettings settings, SsoProvider provider, SsoAccounts accounts) {
        this.settings = settings;
        this.provider = provider;
        this.accounts = accounts;
    }

    /** Whether single sign-on is configured (it may still be unavailable: see {@link #problem()}). */
    public boolean offered() {
        return settings.enabled();
    }

    /** The provider's name for the button, if one is configured. */
    public Optional<String> providerName() {
        return Optional.ofNullable(settings.providerName()).filter(name -> !name.isBlank());
    }

    /** Whether everyone may log in with a password; when not, only the break-glass addresses can. */
    public boolean localLoginOpen() {
        return settings.localLogin();
    }

    /** Why single sign-on cannot be used now (checked against the provider), or empty when it can or is not offered. */
    public Optional<String> problem() {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return provider.registration().isPresent() ? Optional.empty() : provider.problem();
    }

    /** The issuer, for the operator's status page. */
    public Optional<String> issuer() {
        return Optional.ofNullable(settings.issuerUri()).map(Object::toString);
    }

    void configure(HttpSecurity http) throws Exception {
        if (!settings.enabled()) {
            return;
        }
        DefaultOAuth2AuthorizationRequestResolver defaults = new DefaultOAuth2AuthorizationRequestResolver(provider,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        defaults.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OAuth2AuthorizationRequestResolver requests = new ReauthenticationRequests(defaults);
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/");
        // After a re-authentication: back to the page that asked for it; after a login: where the person was going.
        AuthenticationSuccessHandler success = (request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            Object back = session == null ? null : session.getAttribute(RETURN_TO);
            if (back != null) {
                session.removeAttribute(RETURN_TO);
                response.sendRedirect(request.getContextPath() + back);
            } else {
                saved.onAuthenticationSuccess(request, response, authentication);
            }
        };
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(provider)
                .authorizationEndpoint(start -> start.authorizationRequestResolver(requests))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new SsoUserService(accounts, settings)))
                .successHandler(success)
                .failureHandler(this::failed));
        http.addFilterBefore(new UnavailableRedirect(), OAuth2AuthorizationRequestRedirectFilter.class);
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        String reason = "failed";
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            if (code.startsWith(SsoUserService.REFUSED_PREFIX)) {
                reason = code.substring(SsoUserService.REFUSED_PREFIX.length()).replace('_', '-');
            } else {
                // The provider's error code and description name the configuration problem, never the person.
                String description = Optional.ofNullable(oauth.getError().getDescription()).orElse("");
                log.warn("Single sign-on failed: {} {}", code, description.length() > 500 ? description.substring(0, 500) + "…" : description);
            }
        } else {
            log.warn("Single sign-on failed: {}", failure.getMessage());
        }
        response.sendRedirect(request.getContextPath() + "/login?sso=" + reason.toLowerCase(Locale.ROOT));
    }

    /**
     * The link that asks a logged-in person to log in at the provider again before signing, and brings them back to
     * {@code returnTo} (a path of this application).
     */
    public static String reauthenticationPath(String returnTo) {
        return START_PATH.substring(1) + "?reauthenticate&return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
    }

    /** A local path only: no scheme, no host, no protocol-relative {@code //} that would lead elsewhere. */
    static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\") && !path.contains("://")
                && path.length() <= 500 && path.chars().noneMatch(Character::isISOControl);
    }

    /** Re-authentication asks the provider for a fresh login ({@code prompt=login}, {@code max_age=0}). */
    private record ReauthenticationRequests(OAuth2AuthorizationRequestResolver defaults) implements OAuth2AuthorizationRequestResolver {

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
            return fresh(request, defaults.resolve(request));
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
            return fresh(request, defaults.resolve(request, clientRegistrationId));
        }

        private static OAuth2AuthorizationRequest fresh(HttpServletRequest request, OAuth2AuthorizationRequest authorization) {
            if (authorization == null || request.getParameter("reauthenticate") == null) {
                return authorization;
            }
            return OAuth2AuthorizationRequest.from(authorization).additionalParameters(parameters -> {
                parameters.put("prompt", "login");
                parameters.put("max_age", "0");
            }).build();
        }
    }

    /** A start while the provider cannot be used goes back to the login page with the reason, not to an error page. */
    private final class UnavailableRedirect extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().equals(request.getContextPath() + START_PATH);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (provider.registration().isEmpty()) {
                response.sendRedirect(request.getContextPath() + "/login?sso=unavailable");
                return;
            }
            String back = request.getParameter("return");
            if (isLocalPath(back)) {
                request.getSession().setAttribute(RETURN_TO, back);
            }
            chain.doFilter(request, response);
        }
    }
}
