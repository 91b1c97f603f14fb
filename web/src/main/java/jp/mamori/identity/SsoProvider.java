package jp.mamori.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configured OpenID provider as a client registration, read from its discovery document when first needed. A
 * provider that cannot be reached or is misconfigured does not stop the application: the registration stays absent,
 * the reason is kept for the login page and the system status, and discovery is tried again after a pause.
 */
@Component
class SsoProvider implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "sso";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SsoProvider.class);

    private final SsoSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private ClientRegistration registration;
    private String problem;
    private Instant nextAttempt = Instant.MIN;

    SsoProvider(SsoSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Tells the operator at start-up whether single sign-on works, rather than at the first person's login. */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        if (settings.enabled()) {
            registration();
        }
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration().orElse(null) : null;
    }

    /** The provider's registration, discovering it now if it is not known yet and the last failure is not too recent. */
    synchronized Optional<ClientRegistration> registration() {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        if (registration == null && !clock.instant().isBefore(nextAttempt)) {
            try {
                registration = discover();
                problem = null;
                log.info("Single sign-on: provider {} ready (client {})", settings.issuerUri(), settings.clientId());
            } catch (SsoUnavailableException e) {
                problem = e.getMessage();
                nextAttempt = clock.instant().plus(RETRY_AFTER);
                log.warn("Single sign-on is not available: {}", problem);
            }
        }
        return Optional.ofNullable(registration);
    }

    /** Why single sign-on is not available, or empty when it is (or is not configured). */
    synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private ClientRegistration discover() {
        if (settings.clientId() == null || settings.clientId().isBlank()) {
            throw new SsoUnavailableException("mamori.sso.client-id (MAMORI_SSO_CLIENT_ID) is not set");
        }
        String issuer = settings.issuerUri().toString().replaceAll("/+$", "");
        URI discovery = URI.create(issuer + "/.well-known/openid-configuration");
        Map<String, Object> configuration = fetch(discovery);
        Object announced = configuration.get("issuer");
        if (announced == null || !issuer.equals(announced.toString().replaceAll("/+$", ""))) {
            throw new SsoUnavailableException("the provider at " + discovery + " names its issuer " + announced
                    + ", not " + settings.issuerUri() + " (check mamori.sso.issuer-uri)");
        }
        try {
            return ClientRegistrations.fromOidcConfiguration(configuration)
                    .registrationId(REGISTRATION_ID)
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret() == null ? "" : settings.clientSecret())
                    .scope(settings.scopes())
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .clientName(settings.providerName() == null ? issuer : settings.providerName())
                    .build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SsoUnavailableException("the discovery document at " + discovery + " is not usable: " + e.getMessage());
        }
    }

    private Map<String, Object> fetch(URI discovery) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(discovery).timeout(settings.timeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SsoUnavailableException("the provider at " + discovery + " cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SsoUnavailableException("interrupted while reading " + discovery);
        }
        if (response.statusCode() != 200) {
            throw new SsoUnavailableException("the provider answered HTTP " + response.statusCode() + " at " + discovery);
        }
        try {
            return JsonMapper.builder().build().readerForMapOf(Object.class).readValue(response.body());
        } catch (JacksonException e) {
            throw new SsoUnavailableException("the discovery document at " + discovery + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Why the provider's registration could not be made. */
    private static final class SsoUnavailableException extends RuntimeException {
        SsoUnavailableException(String message) {
            super(message);
        }
    }
}
