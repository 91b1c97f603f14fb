package jp.mamori.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import jp.mamori.support.ActuatorClient;
import jp.mamori.support.ClearSecurityContext;
import jp.mamori.support.TestClockConfiguration;
import jp.mamori.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * With MANAGEMENT_SERVER_PORT set (as in docker/compose-ha.yaml) the actuator leaves the public port: health and the
 * metrics answer only on the management port, under the same rules as on the public one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "mamori.metrics.password=" + ActuatorClient.SCRAPER_PASSWORD})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClockConfiguration.class)
@TestExecutionListeners(listeners = ClearSecurityContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SeparateManagementPortIT {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void the_public_port_serves_no_actuator_endpoint() {
        ActuatorClient publicPort = new ActuatorClient(port);

        for (String path : new String[] {"/actuator/health/readiness", "/actuator/prometheus"}) {
            HttpResponse<String> response = publicPort.asScraper(path);

            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("\"status\"").doesNotContain("jvm_");
        }
    }

    @Test
    void the_management_port_serves_health_to_anyone_and_metrics_to_the_scraper_only() {
        ActuatorClient management = new ActuatorClient(managementPort);

        HttpResponse<String> readiness = management.anonymous("/actuator/health/readiness");
        HttpResponse<String> anonymousMetrics = management.anonymous("/actuator/prometheus");
        HttpResponse<String> scraperMetrics = management.asScraper("/actuator/prometheus");

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(anonymousMetrics.statusCode()).isEqualTo(401);
        assertThat(anonymousMetrics.body()).doesNotContain("jvm_");
        assertThat(scraperMetrics.statusCode()).isEqualTo(200);
        assertThat(scraperMetrics.body()).contains("mamori_exam_sessions_active");
    }
}
