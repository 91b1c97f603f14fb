package jp.mamori.certification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lookups per client address on the public verification page: at most N in each one-minute window, counted in
 * memory. The table is bounded (least recently seen addresses are forgotten first), so a flood of addresses
 * costs memory once and no more. Each node counts on its own, which is enough to make guessing codes pointless.
 */
@Component
class VerificationRateLimit {

    static final int MAX_ADDRESSES = 10_000;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final int perMinute;
    private final Map<String, Window> windows = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    VerificationRateLimit(Clock clock, @Value("${mamori.certificate.verifications-per-minute:20}") int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("mamori.certificate.verifications-per-minute must be at least 1: " + perMinute);
        }
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Counts one lookup from this address; when the address is over its limit, nothing is counted and the answer says when to come back. */
    synchronized Optional<Instant> refuse(String address) {
        Instant now = clock.instant();
        String key = address == null || address.isBlank() ? "unknown" : address;
        Window window = windows.get(key);
        // A window that has passed, or one in the future after the clock was set back, starts afresh.
        if (window == null || now.isBefore(window.start()) || !now.isBefore(window.end())) {
            window = new Window(now, 0);
        }
        if (window.count() >= perMinute) {
            return Optional.of(window.end());
        }
        windows.put(key, new Window(window.start(), window.count() + 1));
        return Optional.empty();
    }

    synchronized int addressesKept() {
        return windows.size();
    }

    private record Window(Instant start, int count) {
        Instant end() {
            return start.plus(WINDOW);
        }
    }
}
