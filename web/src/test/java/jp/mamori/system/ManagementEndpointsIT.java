package jp.mamori.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.util.List;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.ActuatorClient;
import jp.mamori.support.ClearSecurityContext;
import jp.mamori.support.TestClockConfiguration;
import jp.mamori.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The actuator endpoints over real HTTP: health and its probes answer anyone with UP and nothing more, the readiness
 * group holds the database, and the Prometheus metrics are refused to everyone but the configured scraper.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mamori.metrics.password=" + ActuatorClient.SCRAPER_PASSWORD)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClockConfiguration.class)
@TestExecutionListeners(listeners = ClearSecurityContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ManagementEndpointsIT {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    WebApplicationContext context;

    ActuatorClient actuator;

    @BeforeEach
    void client() {
        actuator = new ActuatorClient(port);
    }

    @Test
    void health_liveness_and_readiness_answer_up_to_anyone_and_say_nothing_more() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = actuator.anonymous(path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("MariaDB");
        }
    }

    @Test
    void readiness_holds_the_database_and_liveness_does_not() {
        String readiness = actuator.asScraper("/actuator/health/readiness").body();
        String liveness = actuator.asScraper("/actuator/health/liveness").body();

        assertThat(readiness).contains("\"db\"").contains("\"readinessState\"").contains("MariaDB");
        assertThat(liveness).contains("\"livenessState\"").doesNotContain("\"db\"");
    }

    @Test
    void the_metrics_are_refused_to_anonymous_callers_wrong_passwords_and_people_of_the_application() {
        users.create("metrics-admin@example.jp", Role.SYSTEM_ADMIN);

        HttpResponse<String> anonymous = actuator.anonymous("/actuator/prometheus");
        HttpResponse<String> wrongPassword = actuator.basic("/actuator/prometheus", ActuatorClient.SCRAPER, "not-the-scrape-secret");
        HttpResponse<String> wrongName = actuator.basic("/actuator/prometheus", "grafana", ActuatorClient.SCRAPER_PASSWORD);
        HttpResponse<String> person = actuator.basic("/actuator/prometheus", "metrics-admin@example.jp", TestUsers.PASSWORD);

        for (HttpResponse<String> refused : List.of(anonymous, wrongPassword, wrongName, person)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue(ManagementSecurityConfiguration.CHALLENGE);
            assertThat(refused.body()).doesNotContain("jvm_");
        }
    }

    @Test
    void a_logged_in_system_administrator_is_refused_the_metrics_too() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        mvc.perform(get("/actuator/prometheus").with(user("sysadmin@example.jp").roles(Role.SYSTEM_ADMIN.name())))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_scraper_reads_the_metrics_in_prometheus_format() {
        HttpResponse<String> response = actuator.asScraper("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("application=\"mamori\"")
                .contains("mamori_exam_sessions_active").contains("hikaricp_connections_active");
    }

    @Test
    void no_other_actuator_endpoint_is_served_even_to_the_scraper() {
        for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/metrics"}) {
            HttpResponse<String> response = actuator.asScraper(path);

            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("spring.datasource").doesNotContain("_links");
        }
    }

    @Test
    void actuator_responses_carry_security_headers_that_let_nothing_load() {
        HttpResponse<String> response = actuator.anonymous("/actuator/health/readiness");

        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(ManagementSecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }
}
