package jp.mamori.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code maxRequests} requests of one kind per client address within a sliding window, counted in memory
 * on this node (enough to keep one address from flooding mailboxes or the account table; not shared between nodes).
 */
final class RequestRateLimit {

    private final Clock clock;
    private final int maxRequests;
    private final Duration window;
    private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();

    RequestRateLimit(Clock clock, int maxRequests, Duration window) {
        if (maxRequests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit needs max-requests >= 1 and a positive window, got "
                    + maxRequests + " per " + window);
        }
        this.clock = clock;
        this.maxRequests = maxRequests;
        this.window = window;
    }

    /** Counts a request from this address and tells whether it is within the limit. */
    boolean tryAcquire(String clientAddress) {
        return update(clientAddress, true);
    }

    /** Whether this address has room for one more, without counting anything. */
    boolean hasRoom(String clientAddress) {
        return update(clientAddress, false);
    }

    /** Counts one more from this address (up to the limit). */
    void count(String clientAddress) {
        update(clientAddress, true);
    }

    private boolean update(String clientAddress, boolean count) {
        String key = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress;
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        boolean[] allowed = new boolean[1];
        requests.compute(key, (address, times) -> {
            Deque<Instant> recent = times == null ? new ArrayDeque<>() : times;
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
                recent.pollFirst();
            }
            allowed[0] = recent.size() < maxRequests;
            if (allowed[0] && count) {
                recent.addLast(now);
            }
            return recent.isEmpty() ? null : recent;
        });
        return allowed[0];
    }
}
