package jp.mamori.support;

import java.io.File;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.mamori.shared.db.EmbeddedMariaDb;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context a fresh, empty schema of its own: on the MariaDB server named by
 * {@code MAMORI_TEST_DB_URL} when set (CI), else on one embedded MariaDB started for the whole test run.
 * The schema is dropped when the context closes.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Server s = server();
        String schema = s.prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        s.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mamori-test-database", Map.of(
                "spring.datasource.url", s.serverUrl + schema,
                "spring.datasource.username", s.user,
                "spring.datasource.password", s.password,
                "mamori.embedded-db.enabled", "false")));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
            }
        });
    }

    /** The server all test schemas live on. */
    public static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static Server start() {
        String url = System.getenv("MAMORI_TEST_DB_URL");
        String user = System.getenv().getOrDefault("MAMORI_TEST_DB_USERNAME", "root");
        String password = System.getenv().getOrDefault("MAMORI_TEST_DB_PASSWORD", "");
        if (url != null && !url.isBlank()) {
            // jdbc:mariadb://host:port/database?options: schemas are created beside the named database.
            int slash = url.indexOf('/', "jdbc:mariadb://".length());
            String database = slash < 0 ? "" : url.substring(slash + 1).replaceAll("\\?.*", "");
            String serverUrl = slash < 0 ? url + "/" : url.substring(0, slash + 1);
            return new Server(serverUrl, user, password, database.isBlank() ? "mamori_test" : database);
        }
        try {
            File dir = Files.createTempDirectory("mamori-test-db").toFile();
            EmbeddedMariaDb db = EmbeddedMariaDb.start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(db::close));
            return new Server(db.serverUrl(), "root", "", "mamori_test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no temporary directory for the embedded test database", e);
        }
    }

    /** A MariaDB server reachable by JDBC. */
    public record Server(String serverUrl, String user, String password, String prefix) {

        public void execute(String sql) {
            try (var connection = DriverManager.getConnection(serverUrl, user, password);
                 var statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("test database: " + sql, e);
            }
        }
    }
}
