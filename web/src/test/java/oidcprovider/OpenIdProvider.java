package oidcprovider;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID provider for the single sign-on tests: Spring Authorization Server in its own small application
 * context on a random port of 127.0.0.1 (another host name than the application's {@code localhost}, so the two
 * session cookies stay apart as they would in a browser). People log in on its own form; their ID token carries the
 * claims given here. One client, {@code mamori}, whose redirect address and secret the test can change. Kept out of
 * the {@code jp.mamori} packages so the application's component scan does not pick its configuration up.
 */
public final class OpenIdProvider implements AutoCloseable {

    public static final String CLIENT_ID = "mamori";
    public static final String PASSWORD = "provider password";

    /** A person at the provider: the claims their ID token carries besides {@code sub}. */
    public record Person(String username, Map<String, Object> claims) {
    }

    private final ConfigurableApplicationContext context;
    private final Client client;

    private OpenIdProvider(ConfigurableApplicationContext context) {
        this.context = context;
        this.client = context.getBean(Client.class);
    }

    public static OpenIdProvider start(Person... people) {
        Client client = new Client();
        for (Person person : people) {
            client.people.put(person.username(), person.claims());
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ProviderConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("client", client))
                .properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false")
                .run();
        return new OpenIdProvider(context);
    }

    public String issuer() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Where the provider sends people back after login (the application's {@code /login/oauth2/code/sso}). */
    public void redirectTo(String uri) {
        client.redirectUri = uri;
    }

    public void clientSecret(String secret) {
        client.secret = secret;
    }

    @Override
    public void close() {
        context.close();
    }

    /** The registered client and the people, changeable while the provider runs. */
    static final class Client implements RegisteredClientRepository {
        final Map<String, Map<String, Object>> people = new ConcurrentHashMap<>();
        volatile String redirectUri = "http://localhost/unset";
        volatile String secret = "client secret";

        @Override
        public void save(RegisteredClient registeredClient) {
            // The provider re-encodes the secret after use and saves the client: the test keeps its own.
        }

        @Override
        public RegisteredClient findById(String id) {
            return CLIENT_ID.equals(id) ? current() : null;
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return CLIENT_ID.equals(clientId) ? current() : null;
        }

        private RegisteredClient current() {
            return RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID).clientSecret("{noop}" + secret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(redirectUri)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class ProviderConfiguration {

        private final KeyPair keys = rsa();

        @Bean
        TomcatServletWebServerFactory webServer() {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(java.net.InetAddress.getLoopbackAddress());
            // Tomcat runs filters only for a request some servlet is mapped to; all endpoints here are filters.
            factory.getSettings().setRegisterDefaultServlet(true);
            return factory;
        }

        /**
         * The security context as the global holder keeps it at each call. Parts of the authorization server read
         * {@code SecurityContextHolder} directly; the application under test replaces the global strategy (Vaadin's)
         * after this provider has started, so the provider's filters must write where those parts read.
         */
        @Bean
        SecurityContextHolderStrategy securityContexts() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public Supplier<SecurityContext> getDeferredContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
                }

                @Override
                public void setContext(SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
                    SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferredContext);
                }

                @Override
                public SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        @Order(1)
        SecurityFilterChain endpoints(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
            });
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                    // The user-info endpoint takes the access token.
                    .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults()).build();
        }

        @Bean
        UserDetailsService people(Client client) {
            InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
            client.people.keySet().forEach(username -> manager.createUser(
                    User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build()));
            return manager;
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(Client client) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    client.people.getOrDefault(context.getPrincipal().getName(), Map.of())
                            .forEach((name, value) -> context.getClaims().claim(name, value));
                }
            };
        }

        @Bean
        JWKSource<com.nimbusds.jose.proc.SecurityContext> jwkSource() {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        private static KeyPair rsa() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
