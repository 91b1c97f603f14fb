package jp.mamori.shared.db;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Times are stored as UTC in DATETIME(6) columns (V0001): the one conversion between an {@link Instant} and the
 * column's value, so no session or JVM time zone ever enters.
 */
public final class UtcColumns {

    private UtcColumns() {
    }

    public static LocalDateTime of(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime column) {
        return column.toInstant(ZoneOffset.UTC);
    }
}
