package jp.mamori.e2e;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** Response times by kind of request (login, start, save, ...), collected from many threads, read as percentiles. */
final class Latencies {

    private final Map<String, ConcurrentLinkedQueue<Long>> byKind = new ConcurrentHashMap<>();

    /** Runs the call and records how long it took under {@code kind}, also when it fails. */
    <T> T time(String kind, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            byKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
        }
    }

    void time(String kind, Runnable call) {
        time(kind, () -> {
            call.run();
            return null;
        });
    }

    int count(String kind) {
        ConcurrentLinkedQueue<Long> all = byKind.get(kind);
        return all == null ? 0 : all.size();
    }

    /** The given percentile (0 to 100) in milliseconds, nearest rank; 0 when nothing was recorded. */
    double percentileMillis(String kind, double percentile) {
        ConcurrentLinkedQueue<Long> all = byKind.get(kind);
        if (all == null || all.isEmpty()) {
            return 0;
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
    }

    double maxMillis(String kind) {
        ConcurrentLinkedQueue<Long> all = byKind.get(kind);
        return all == null ? 0 : all.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000.0;
    }
}
