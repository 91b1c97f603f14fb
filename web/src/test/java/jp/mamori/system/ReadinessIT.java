package jp.mamori.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.mamori.support.ActuatorClient;
import jp.mamori.support.ClearSecurityContext;
import jp.mamori.support.TestClockConfiguration;
import jp.mamori.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Readiness follows the database: while the server refuses the application's connections (its account locked and
 * its connections killed, as in an outage) readiness answers 503 DOWN, so a load balancer stops sending visitors,
 * while liveness stays UP, so nothing restarts the node; when the database comes back, readiness is UP again.
 * The application connects with an account of its own here, which the test can lock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500"})
@ContextConfiguration(initializers = ReadinessIT.LockableAccount.class)
@Import(TestClockConfiguration.class)
@TestExecutionListeners(listeners = ClearSecurityContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadinessIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @AfterEach
    void databaseBack() {
        LockableAccount.unlock();
    }

    @Test
    void readiness_is_down_while_the_database_refuses_connections_and_up_again_when_it_is_back() {
        ActuatorClient actuator = new ActuatorClient(port);
        assertThat(actuator.anonymous("/actuator/health/readiness").statusCode()).isEqualTo(200);

        LockableAccount.lockOut();

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> readiness = actuator.anonymous("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        });
        HttpResponse<String> liveness = actuator.anonymous("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");

        LockableAccount.unlock();

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(actuator.anonymous("/actuator/health/readiness").statusCode()).isEqualTo(200));
    }

    /** A fresh schema and a database account that may use only it; both go when the context closes. */
    static class LockableAccount implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static final AtomicInteger COUNTER = new AtomicInteger();
        // Whichever of these the server matches for a connection from 127.0.0.1 or localhost.
        private static final List<String> HOSTS = List.of("%", "localhost", "127.0.0.1");
        private static volatile String account;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestDatabase.Server server = TestDatabase.server();
            String name = "mamori_ready_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
            String password = "ready-" + System.nanoTime();
            server.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : HOSTS) {
                server.execute("CREATE USER '" + name + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                server.execute("GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + name + "'@'" + host + "'");
            }
            account = name;
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mamori-lockable-database", Map.of(
                    "spring.datasource.url", server.serverUrl() + name,
                    "spring.datasource.username", name,
                    "spring.datasource.password", password,
                    "mamori.embedded-db.enabled", "false")));
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    for (String host : HOSTS) {
                        server.execute("DROP USER IF EXISTS '" + name + "'@'" + host + "'");
                    }
                    server.execute("DROP DATABASE IF EXISTS `" + name + "`");
                }
            });
        }

        /** The account can no longer log in, and the connections it holds are cut. */
        static void lockOut() {
            TestDatabase.Server server = TestDatabase.server();
            HOSTS.forEach(host -> server.execute("ALTER USER '" + account + "'@'" + host + "' ACCOUNT LOCK"));
            try (var connection = DriverManager.getConnection(server.serverUrl(), server.user(), server.password());
                 var ids = connection.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?")) {
                ids.setString(1, account);
                try (var rows = ids.executeQuery(); var kill = connection.createStatement()) {
                    while (rows.next()) {
                        kill.execute("KILL CONNECTION " + rows.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not cut the application's connections", e);
            }
        }

        static void unlock() {
            HOSTS.forEach(host -> TestDatabase.server().execute("ALTER USER '" + account + "'@'" + host + "' ACCOUNT UNLOCK"));
        }
    }
}
