package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The per-address sliding window behind the registration limits. */
class RequestRateLimitTest {

    private final MutableClock clock = new MutableClock();
    private final RequestRateLimit limit = new RequestRateLimit(clock, 3, Duration.ofHours(1));

    @Test
    void each_address_gets_its_own_allowance_and_regains_it_as_old_requests_leave_the_window() {
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire("192.0.2.1")).isTrue();
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(limit.tryAcquire("192.0.2.1")).isFalse();
        assertThat(limit.tryAcquire("192.0.2.2")).isTrue();

        clock.advance(Duration.ofMinutes(31));

        assertThat(limit.tryAcquire("192.0.2.1")).as("the first request is more than an hour old").isTrue();
        assertThat(limit.tryAcquire("192.0.2.1")).as("the second one is not").isFalse();
    }

    @Test
    void refused_requests_do_not_extend_the_wait() {
        for (int i = 0; i < 3; i++) {
            limit.tryAcquire("192.0.2.3");
        }
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(limit.tryAcquire("192.0.2.3")).isFalse();
        }

        clock.advance(Duration.ofMinutes(11));

        assertThat(limit.tryAcquire("192.0.2.3")).isTrue();
    }

    @Test
    void requests_without_a_known_address_share_one_allowance() {
        assertThat(limit.tryAcquire(null)).isTrue();
        assertThat(limit.tryAcquire("")).isTrue();
        assertThat(limit.tryAcquire(" ")).isTrue();

        assertThat(limit.tryAcquire(null)).isFalse();
    }

    @Test
    void a_limit_that_would_refuse_everything_is_a_configuration_error_naming_the_values() {
        assertThatThrownBy(() -> new RequestRateLimit(clock, 0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 per PT1H");
        assertThatThrownBy(() -> new RequestRateLimit(clock, 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
