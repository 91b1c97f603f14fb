package jp.mamori.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class MetricsScraperAuthenticationTest {

    private static final String SECRET = "a-long-enough-scrape-secret";

    @Test
    void the_configured_scraper_gets_the_metrics_role() {
        var scraper = new MetricsScraperAuthentication("prometheus", SECRET);

        var authenticated = scraper.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("prometheus", SECRET));

        assertThat(authenticated.isAuthenticated()).isTrue();
        assertThat(authenticated.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_METRICS");
        assertThat(authenticated.getCredentials()).isNull();
    }

    @Test
    void a_wrong_name_or_password_is_refused() {
        var scraper = new MetricsScraperAuthentication("prometheus", SECRET);

        assertThatThrownBy(() -> scraper.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("prometheus", SECRET + "x")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> scraper.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("Prometheus", SECRET)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void without_a_password_nobody_gets_in_not_even_with_an_empty_one() {
        var scraper = new MetricsScraperAuthentication("prometheus", "");

        assertThat(scraper.configured()).isFalse();
        assertThatThrownBy(() -> scraper.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("prometheus", "")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("MAMORI_METRICS_PASSWORD");
    }

    @Test
    void a_short_password_stops_the_start_with_a_message_that_names_the_setting() {
        assertThatThrownBy(() -> new MetricsScraperAuthentication("prometheus", "short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAMORI_METRICS_PASSWORD")
                .hasMessageContaining("at least 16");
        assertThatThrownBy(() -> new MetricsScraperAuthentication(" ", SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAMORI_METRICS_USERNAME");
    }
}
