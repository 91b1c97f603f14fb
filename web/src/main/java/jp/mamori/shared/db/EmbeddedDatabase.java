package jp.mamori.shared.db;

/**
 * Present as a bean only when Mamori runs on its embedded MariaDB: the signal for demo data,
 * which must never be written into a real server.
 */
public record EmbeddedDatabase(String jdbcUrl) {
}
