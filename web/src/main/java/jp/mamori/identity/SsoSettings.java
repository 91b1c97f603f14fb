package jp.mamori.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The organisation's OpenID Connect provider ({@code MAMORI_SSO_ISSUER_URI}, client id and secret, which claims carry
 * the e-mail address, the name and the department) and whether local password login stays open. No issuer: no single
 * sign-on. Local login closed: only the break-glass addresses may still log in with a password.
 */
@ConfigurationProperties("mamori.sso")
record SsoSettings(URI issuerUri, String clientId, String clientSecret, String providerName,
                   @DefaultValue({"openid", "email", "profile"}) List<String> scopes,
                   @DefaultValue("email") String emailClaim,
                   @DefaultValue("name") String nameClaim,
                   String departmentClaim,
                   @DefaultValue("true") boolean localLogin,
                   @DefaultValue List<String> breakGlass,
                   @DefaultValue("PT5S") Duration timeout) {

    SsoSettings {
        if (issuerUri != null && !"https".equals(issuerUri.getScheme()) && !"http".equals(issuerUri.getScheme())) {
            throw new IllegalArgumentException("mamori.sso.issuer-uri must be an http(s) URL, not " + issuerUri);
        }
        breakGlass = split(breakGlass).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        // An OpenID Connect login always asks for "openid".
        scopes = Stream.concat(Stream.of("openid"), split(scopes)).distinct().toList();
    }

    /** The values, each also split at commas and spaces, trimmed, without empty ones. */
    private static Stream<String> split(List<String> values) {
        return values.stream().flatMap(value -> Stream.of(value.split("[,\\s]+"))).filter(s -> !s.isEmpty());
    }

    boolean enabled() {
        return issuerUri != null;
    }

    /** Whether this address may log in with a password: always while local login is open, else only break-glass. */
    boolean allowsPassword(String email) {
        return localLogin || breakGlass.contains(email.strip().toLowerCase(Locale.ROOT));
    }
}
