package jp.mamori.xapi;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The learning record store statements go to ({@code MAMORI_XAPI_ENDPOINT}, the LRS's base URL without
 * {@code /statements}), its Basic credentials, and how often and how many are sent. No endpoint: nothing is sent.
 */
@ConfigurationProperties("mamori.xapi")
record XapiSettings(URI endpoint, String username, String password,
                    @DefaultValue("100") int batch, @DefaultValue("PT10S") Duration timeout,
                    @DefaultValue("PT1H") Duration maxBackoff) {

    XapiSettings {
        if (batch < 1 || batch > 1000) {
            throw new IllegalArgumentException("mamori.xapi.batch must be 1..1000, not " + batch);
        }
        if (endpoint != null && !"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("mamori.xapi.endpoint must be an http(s) URL, not " + endpoint);
        }
    }

    boolean enabled() {
        return endpoint != null;
    }

    URI statements() {
        String base = endpoint.toString();
        return URI.create(base.endsWith("/") ? base + "statements" : base + "/statements");
    }
}
