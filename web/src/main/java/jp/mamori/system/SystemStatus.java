package jp.mamori.system;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import jp.mamori.shared.db.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What an operator checks first: which database, which schema version, how long up, how much memory. */
@Service
public class SystemStatus {

    private final DataSource dataSource;
    private final Flyway flyway;
    private final ObjectProvider<EmbeddedDatabase> embedded;

    SystemStatus(DataSource dataSource, Flyway flyway, ObjectProvider<EmbeddedDatabase> embedded) {
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.embedded = embedded;
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public Snapshot snapshot() {
        String database;
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            database = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            database = "unreachable: " + e.getMessage();
        }
        var current = flyway.info().current();
        Runtime runtime = Runtime.getRuntime();
        return new Snapshot(database, embedded.getIfAvailable() != null,
                current == null ? "-" : current.getVersion() + " " + current.getDescription(),
                Runtime.version().toString(),
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()),
                (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024), runtime.maxMemory() / (1024 * 1024));
    }

    /** The figures the system view shows. */
    public record Snapshot(String database, boolean embeddedDatabase, String schemaVersion, String java,
                           Duration uptime, long heapUsedMiB, long heapMaxMiB) {
    }
}
