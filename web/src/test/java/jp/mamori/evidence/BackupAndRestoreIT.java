package jp.mamori.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * ops/backup.sh and ops/restore.sh against the real server, with the MariaDB client programs (skipped where they are
 * not installed): a backup restored into a fresh database holds every row, its evidence chain verifies to the same
 * head, and Flyway finds its schema up to date. Wrong calls and damaged files are refused with a message, and nothing
 * is lost or left behind.
 */
@MamoriIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BackupAndRestoreIT {

    private static final Path OPS = Path.of("..", "ops").toAbsolutePath().normalize();

    @Autowired
    EvidenceLedger ledger;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Value("${spring.datasource.url}")
    String url;

    @TempDir
    Path backups;
    private final List<String> restored = new ArrayList<>();

    @BeforeAll
    static void clientProgramsInstalled() {
        assumeTrue(onPath("mariadb-dump") || onPath("mysqldump"), "mariadb-dump is not on PATH: backup and restore are not tested here");
        assumeTrue(onPath("mariadb") || onPath("mysql"), "the mariadb client is not on PATH: backup and restore are not tested here");
    }

    @AfterEach
    void dropRestoredDatabases() {
        restored.forEach(name -> TestDatabase.server().execute("DROP DATABASE IF EXISTS `" + name + "`"));
    }

    @Test
    void a_backup_restored_into_a_fresh_database_keeps_every_row_a_verifying_chain_and_an_up_to_date_schema() throws IOException {
        users.loginAs("backup-officer@example.jp", Role.PRIVACY_OFFICER);
        long subject = users.create("backup-learner@example.jp", Role.LEARNER);
        for (int i = 1; i <= 3; i++) {
            ledger.append(new EvidenceEntry("DECK_COMPLETED", subject, "𠮷田 花子 " + i, "backup-officer@example.jp",
                    "deck:why", "1", "PASSED", BigDecimal.valueOf(80 + i), Map.of("note", "バックアップ " + i), null));
        }
        ChainVerification original = ledger.verify();
        Path file = backups.resolve("mamori.sql.gz");

        Result backup = run("backup.sh", schema(), file.toString());
        Result restore = run("restore.sh", file.toString(), fresh("restored"));

        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("schema version").contains(file.toString());
        assertThat(backups.resolve("mamori.sql.gz.sha256")).exists();
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        DataSource copy = dataSource(fresh("restored"));
        ChainVerification verification = new EvidenceVerifier(new EvidenceStore(JdbcClient.create(copy)), clock).verify();
        assertThat(original.intact()).isTrue();
        assertThat(verification.intact()).as("%s", verification.brokenLink()).isTrue();
        assertThat(verification.head()).isEqualTo(original.head());
        assertThat(verification.recordsChecked()).isEqualTo(original.recordsChecked()).isGreaterThanOrEqualTo(3);
        assertThat(rowCounts(JdbcClient.create(copy))).isEqualTo(rowCounts(jdbc));
        Flyway flyway = Flyway.configure().dataSource(copy).locations("classpath:db/migration").load();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void a_restore_never_writes_into_a_database_that_holds_tables() throws IOException {
        Path file = backups.resolve("mamori.sql.gz");
        run("backup.sh", schema(), file.toString());
        Map<String, Long> before = rowCounts(jdbc);

        Result intoLive = run("restore.sh", file.toString(), schema());

        assertThat(intoLive.exitCode()).isEqualTo(1);
        assertThat(intoLive.output()).contains("restore only into a new, empty database").contains("nothing was changed");
        assertThat(rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void a_damaged_backup_is_refused_and_leaves_no_database_behind() throws IOException {
        Path file = backups.resolve("mamori.sql.gz");
        run("backup.sh", schema(), file.toString());
        byte[] whole = Files.readAllBytes(file);
        Path truncated = backups.resolve("truncated.sql.gz");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Files.write(file, "not a backup".getBytes(StandardCharsets.UTF_8));

        Result fromTruncated = run("restore.sh", truncated.toString(), fresh("truncated"));
        Result fromAltered = run("restore.sh", file.toString(), fresh("altered"));

        assertThat(fromTruncated.exitCode()).isEqualTo(1);
        assertThat(fromTruncated.output()).contains("not a complete gzip file").contains("nothing was restored");
        assertThat(fromAltered.exitCode()).isEqualTo(1);
        assertThat(fromAltered.output()).contains("does not match").contains(".sha256");
        assertThat(schemaExists(fresh("truncated"))).isFalse();
        assertThat(schemaExists(fresh("altered"))).isFalse();
    }

    @Test
    void a_backup_of_a_missing_database_or_onto_an_existing_file_writes_nothing() throws IOException {
        Path existing = Files.writeString(backups.resolve("yesterday.sql.gz"), "yesterday's backup");

        Result missing = run("backup.sh", fresh("missing"), backups.resolve("missing.sql.gz").toString());
        Result overwrite = run("backup.sh", schema(), existing.toString());
        Result wrongCall = run("backup.sh");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.output()).contains("there is no database '" + fresh("missing") + "'");
        assertThat(overwrite.exitCode()).isEqualTo(1);
        assertThat(overwrite.output()).contains("exists already");
        assertThat(existing).hasContent("yesterday's backup");
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("yesterday.sql.gz");
        }
        assertThat(wrongCall.exitCode()).isEqualTo(2);
        assertThat(wrongCall.output()).contains("usage: ops/backup.sh DATABASE");
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", OPS.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // jdbc:mariadb://host:port/schema
        String hostPort = url.substring("jdbc:mariadb://".length(), url.indexOf('/', "jdbc:mariadb://".length()));
        int colon = hostPort.lastIndexOf(':');
        builder.environment().put("MAMORI_DB_HOST", colon < 0 ? hostPort : hostPort.substring(0, colon));
        builder.environment().put("MAMORI_DB_PORT", colon < 0 ? "3306" : hostPort.substring(colon + 1));
        builder.environment().put("MAMORI_DB_USER", TestDatabase.server().user());
        builder.environment().put("MAMORI_DB_PASSWORD", TestDatabase.server().password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Result(process.waitFor(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + script + " ran", e);
        }
    }

    private String schema() {
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    /** A database name beside the test's own, dropped after each test. */
    private String fresh(String suffix) {
        String name = schema() + "_" + suffix;
        if (!restored.contains(name)) {
            restored.add(name);
        }
        return name;
    }

    private DataSource dataSource(String schema) {
        TestDatabase.Server server = TestDatabase.server();
        return new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), server.serverUrl() + schema, server.user(), server.password());
    }

    private boolean schemaExists(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?").param(name)
                .query(Long.class).single() > 0;
    }

    private static Map<String, Long> rowCounts(JdbcClient database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = database.sql("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME").query(String.class).list();
        tables.forEach(table -> counts.put(table, database.sql("SELECT COUNT(*) FROM `" + table + "`").query(Long.class).single()));
        return counts;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
