package jp.mamori.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import jp.mamori.shared.Role;
import jp.mamori.shared.Sha256;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The one machine account that may read the metrics: Prometheus, by HTTP Basic with the name and secret configured as
 * {@code mamori.metrics.username} and {@code mamori.metrics.password}. It is not a user of the application (no row in
 * the user table, no session); with no password configured nobody is let in.
 */
final class MetricsScraperAuthentication implements AuthenticationProvider {

    /** The role of the scraper: it reads /actuator/prometheus and the details of /actuator/health. */
    static final String ROLE = "METRICS";
    static final int MIN_PASSWORD_LENGTH = 16;

    private final byte[] username;
    private final byte[] password;

    MetricsScraperAuthentication(String username, String password) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("MAMORI_METRICS_USERNAME (mamori.metrics.username) is empty: name the metrics scraper");
        }
        if (password != null && !password.isEmpty() && password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("MAMORI_METRICS_PASSWORD (mamori.metrics.password) has " + password.length()
                    + " characters: use at least " + MIN_PASSWORD_LENGTH + " (e.g. openssl rand -base64 24), or leave it unset to refuse everyone");
        }
        this.username = digest(username);
        this.password = password == null || password.isEmpty() ? null : digest(password);
    }

    boolean configured() {
        return password != null;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (password == null) {
            throw new BadCredentialsException("no metrics scraper is configured (MAMORI_METRICS_PASSWORD)");
        }
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        // Digests of equal length compared in constant time: the reply takes as long for a near miss as for a far one.
        boolean nameMatches = MessageDigest.isEqual(digest(name), username);
        boolean passwordMatches = credentials != null && MessageDigest.isEqual(digest(credentials.toString()), password);
        if (!(nameMatches & passwordMatches)) {
            throw new BadCredentialsException("wrong metrics scraper name or password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(new SimpleGrantedAuthority(Role.authorityOf(ROLE))));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] digest(String value) {
        return Sha256.hex(value.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    }
}
