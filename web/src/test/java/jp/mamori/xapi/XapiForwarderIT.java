package jp.mamori.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.identity.TestUsers;
import jp.mamori.learning.TestTraining;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.SystemTask;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Evidence goes to a learning record store (a real HTTP server in the test) as xAPI statements, late but never lost. */
@MamoriIntegrationTest
class XapiForwarderIT {

    private static final Lrs LRS = Lrs.start();

    @DynamicPropertySource
    static void lrs(DynamicPropertyRegistry registry) {
        registry.add("mamori.xapi.endpoint", () -> "http://127.0.0.1:" + LRS.port() + "/xapi/");
        registry.add("mamori.xapi.username", () -> "mamori");
        registry.add("mamori.xapi.password", () -> "lrs-secret");
        registry.add("mamori.xapi.batch", () -> "3");
        registry.add("mamori.xapi.interval", () -> "PT1H");
    }

    @Autowired
    XapiForwarder forwarder;
    @Autowired
    TestUsers users;
    @Autowired
    TestTraining taking;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void catchUp() {
        LRS.status.set(200);
        clock.advance(Duration.ofHours(2));
        SystemTask.run(forwarder::forwardPending);
        clock.reset();
        LRS.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    static void stop() {
        LRS.server.stop(0);
    }

    @Test
    void a_completed_deck_reaches_the_store_as_passed_and_completed_statements_about_the_exact_version() {
        users.loginAs("xapi-learner@example.jp", Role.LEARNER);
        taking.complete("pms-and-you");

        int accepted = forward();

        assertThat(accepted).isEqualTo(2);
        List<Map<String, Object>> statements = LRS.statements();
        assertThat(statements).extracting(s -> (Object) ((Map<?, ?>) s.get("verb")).get("id"))
                .containsExactly(Statements.ADL + "passed", Statements.ADL + "completed");
        assertThat(statements).allSatisfy(s -> {
            assertThat(s.get("actor")).isEqualTo(Map.of("objectType", "Agent", "mbox", "mailto:xapi-learner@example.jp"));
            assertThat(((Map<?, ?>) s.get("object")).get("id")).asString().endsWith("/xapi/activities/deck/pms-and-you/v1");
            assertThat(((Map<?, ?>) ((Map<?, ?>) s.get("result")).get("score")).get("scaled")).hasToString("1.0");
        });
        assertThat(((Map<?, ?>) statements.getFirst().get("result")).get("success")).isEqualTo(true);
        assertThat(LRS.headers).allSatisfy(h -> {
            assertThat(h.get("x-experience-api-version")).isEqualTo("1.0.3");
            assertThat(h.get("authorization")).isEqualTo("Basic bWFtb3JpOmxycy1zZWNyZXQ=");
            assertThat(h.get("path")).isEqualTo("/xapi/statements");
        });
        assertThat(forward()).as("nothing is sent twice").isZero();
        assertThat(LRS.requests.get()).isEqualTo(LRS.headers.size());
    }

    @Test
    void a_store_that_is_down_blocks_nobody_and_receives_everything_in_order_once_it_is_back() {
        LRS.status.set(503);
        users.loginAs("xapi-down@example.jp", Role.LEARNER);
        assertThat(taking.complete("why-pi-matters")).as("the learner is not held up").isTrue();
        appendRecords(5);

        assertThat(forward()).isZero();
        int tries = LRS.requests.get();
        assertThat(forward()).as("waits out the pause instead of hammering the store").isZero();
        assertThat(LRS.requests.get()).isEqualTo(tries);
        users.loginAs("xapi-operator@example.jp", Role.SYSTEM_ADMIN);
        XapiForwarder.Status down = forwarder.status();
        assertThat(down.failures()).isEqualTo(1);
        assertThat(down.lastError()).contains("HTTP 503");
        assertThat(down.pending()).isEqualTo(7);

        LRS.status.set(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(forward()).isEqualTo(7);

        assertThat(LRS.statements()).hasSize(7).extracting(s -> s.get("id")).doesNotHaveDuplicates();
        List<Long> seqs = LRS.statements().stream().map(s -> ((Number) ((Map<?, ?>) ((Map<?, ?>) s.get("context"))
                .get("extensions")).values().iterator().next()).longValue()).toList();
        assertThat(seqs).isSorted();
        users.loginAs("xapi-operator@example.jp", Role.SYSTEM_ADMIN);
        assertThat(forwarder.status().pending()).isZero();
        assertThat(forwarder.status().failures()).isZero();
    }

    @Test
    void the_pause_after_failures_doubles_up_to_an_hour() {
        assertThat(forwarder.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(forwarder.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(forwarder.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(forwarder.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void only_the_system_forwards_and_only_the_operator_reads_the_status() {
        for (Role role : Role.values()) {
            users.loginAs("xapi-role-" + role.name().toLowerCase() + "@example.jp", role);
            assertThatThrownBy(() -> forwarder.forwardPending()).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            if (role != Role.SYSTEM_ADMIN) {
                assertThatThrownBy(() -> forwarder.status()).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            }
        }
    }

    private int forward() {
        int[] accepted = new int[1];
        SystemTask.run(() -> accepted[0] = forwarder.forwardPending());
        return accepted[0];
    }

    private void appendRecords(int count) {
        SystemTask.run(() -> {
            for (int i = 0; i < count; i++) {
                ledger.append(new jp.mamori.evidence.EvidenceEntry("DECLARATION_SIGNED", 1, "xapi-signer@example.jp",
                        "xapi-signer@example.jp", "declaration:no-private-devices", "1", "SIGNED", null, Map.of("n", i), null));
            }
        });
    }

    /** A learning record store that keeps what it receives and answers with the status the test sets. */
    record Lrs(HttpServer server, AtomicInteger status, AtomicInteger requests, List<String> bodies, List<Map<String, String>> headers,
               List<String> received) {

        static Lrs start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                Lrs lrs = new Lrs(server, new AtomicInteger(200), new AtomicInteger(), new CopyOnWriteArrayList<>(),
                        new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
                server.createContext("/", exchange -> {
                    lrs.requests.incrementAndGet();
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    int status = lrs.status.get();
                    if (status == 200) {
                        lrs.received.add(body);
                        lrs.headers.add(Map.of("path", exchange.getRequestURI().getPath(),
                                "x-experience-api-version", String.valueOf(exchange.getRequestHeaders().getFirst("X-Experience-API-Version")),
                                "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
                    }
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
                server.start();
                return lrs;
            } catch (IOException e) {
                throw new IllegalStateException("the test LRS cannot start", e);
            }
        }

        void reset() {
            received.clear();
            headers.clear();
            requests.set(0);
        }

        int port() {
            return server.getAddress().getPort();
        }

        List<Map<String, Object>> statements() {
            JsonMapper json = JsonMapper.builder().build();
            return received.stream().flatMap(body -> json.readValue(body, new TypeReference<List<Map<String, Object>>>() { }).stream()).toList();
        }
    }
}
