package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fault (5): two application nodes on one database behind HAProxy with sticky sessions; the node the candidate is on
 * dies (SIGKILL) mid-exam. The same browser is sent to the other node, logs in there and resumes the attempt. Needs
 * Debian's HAProxy, so it runs only when given its path: {@code -Dmamori.e2e.haproxy=/usr/sbin/haproxy} ({@code .ci/run}
 * installs it and does).
 */
@EnabledIfSystemProperty(named = "mamori.e2e.haproxy", matches = ".+")
class NodeFailoverJourney extends FaultJourney {

    private final Map<String, AppNode> nodes = new LinkedHashMap<>();
    private StickyProxy proxy;

    @BeforeEach
    void twoNodesBehindHaproxy() {
        AppNode second = new AppNode("node-b", site.database(), site.database().jdbcUrl(site.databaseLine().address()));
        second.start();
        nodes.put("a", site.node());
        nodes.put("b", second);
        proxy = new StickyProxy(System.getProperty("mamori.e2e.haproxy"), nodes);
    }

    @AfterEach
    void backToOneNode() {
        proxy.close();
        nodes.get("b").stop();
        if (!site.node().running()) {
            site.node().start();
        }
    }

    @Override
    String baseUrl() {
        return proxy.baseUrl();
    }

    @Test
    void when_the_node_a_candidate_is_on_dies_they_log_in_on_the_other_node_and_resume_the_same_attempt() {
        // Given a candidate who answered three questions of the expert exam through HAProxy, stuck to one node
        Candidate candidate = registerCandidate();
        Page page = login(candidate);
        openExam(page, EXPERT);
        List<Answer> answers = answerFirst(page, 3);
        ExamRecords.Attempt before = records.onlyAttempt(candidate.email(), EXPERT);
        String stuckTo = node(page);

        // When that node dies
        nodes.get(stuckTo).kill();

        // Then the same browser is sent to the other node, which asks for a login, and the attempt resumes there
        page.navigate(baseUrl() + "/candidate");
        page.waitForURL(url -> url.contains("/login"));
        signIn(page, candidate.email(), candidate.password());
        assertThat(node(page)).as("the node serving the candidate now").isNotEqualTo(stuckTo);
        resumeFromHome(page, EXPERT_NAME);
        ExamRecords.Attempt after = records.onlyAttempt(candidate.email(), EXPERT);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.deadline()).isEqualTo(before.deadline());
        assertCountdownTo(page, after.deadline(), records.now());
        assertShown(page, answers);
        assertThat(records.answers(after.id())).isEqualTo(stored(answers));
    }

    /** The node HAProxy's sticky cookie names for this browser. */
    private static String node(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals(StickyProxy.COOKIE)).map(c -> c.value)
                .findFirst().orElseThrow(() -> new AssertionError("no " + StickyProxy.COOKIE + " cookie from HAProxy"));
    }
}
