package jp.mamori.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.identity.TestUsers;
import jp.mamori.questionbank.Item;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Exam attempts against the real database: resume, answer saving, refusals, the finaliser, scoring.
 * It adds an exam definition of its own, so it keeps its database to itself.
 */
@MamoriIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExamAttemptsIT {

    @Autowired
    ExamAttempts attempts;
    @Autowired
    OverdueFinaliser finaliser;
    @Autowired
    ItemBanks banks;
    @Autowired
    ExamDefinitions definitions;
    @Autowired
    StartRules rules;
    @Autowired
    AnswerSaveGate gate;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    TestUsers users;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_attempt_fixes_sixty_items_and_a_deadline_and_resuming_returns_exactly_the_same() {
        users.loginAs("exam-resume@example.jp", Role.CANDIDATE);

        AttemptView first = attempts.start("competency-standard");
        AttemptView again = attempts.start("competency-standard");

        assertThat(first.questions()).hasSize(60);
        assertThat(Duration.between(clock.instant(), first.deadline()).toMinutes()).isBetween(59L, 60L);
        assertThat(again.attemptId()).isEqualTo(first.attemptId());
        assertThat(again.deadline()).isEqualTo(first.deadline());
        assertThat(again.questions()).isEqualTo(first.questions());
        Map<String, Long> byDomain = first.questions().stream()
                .collect(Collectors.groupingBy(q -> item(q).domain(), Collectors.counting()));
        assertThat(byDomain).containsEntry("appi-duties", 15L).containsEntry("incidents", 6L);
    }

    /**
     * Found by the load benchmark: candidates who open the exam at the same moment deadlocked on the attempt table's
     * index gaps, and some saw an error page. Each now gets exactly one attempt, and a second tab of the same candidate
     * opened at that moment resumes it.
     */
    @Test
    void candidates_starting_at_the_same_moment_each_get_one_attempt_also_in_two_tabs() throws Exception {
        List<String> emails = IntStream.range(0, 6).mapToObj(i -> "exam-rush-" + i + "@example.jp").toList();
        emails.forEach(email -> users.create(email, Role.CANDIDATE));
        CyclicBarrier together = new CyclicBarrier(emails.size() * 2);
        Map<String, List<Future<Long>>> tabs = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(emails.size() * 2)) {
            for (String email : emails) {
                for (int tab = 0; tab < 2; tab++) {
                    tabs.computeIfAbsent(email, e -> new ArrayList<>()).add(threads.submit(() -> {
                        users.loginAs(email, Role.CANDIDATE);
                        try {
                            together.await();
                            return attempts.start("competency-standard").attemptId();
                        } finally {
                            TestUsers.logout();
                        }
                    }));
                }
            }
            for (Map.Entry<String, List<Future<Long>>> candidate : tabs.entrySet()) {
                long first = candidate.getValue().get(0).get(30, TimeUnit.SECONDS);
                assertThat(candidate.getValue().get(1).get(30, TimeUnit.SECONDS)).as(candidate.getKey() + "'s second tab").isEqualTo(first);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM exam_attempt a JOIN app_user u ON u.id = a.user_id WHERE u.email = ?")
                        .param(candidate.getKey()).query(Integer.class).single()).as(candidate.getKey() + "'s attempts").isEqualTo(1);
            }
        }
    }

    @Test
    void the_open_attempt_carries_no_key_and_no_explanation() {
        users.loginAs("exam-nokey@example.jp", Role.CANDIDATE);

        AttemptView view = attempts.start("competency-standard");

        String shown = view.toString();
        for (AttemptView.Question question : view.questions()) {
            assertThat(shown).doesNotContain(item(question).rationale().ja());
        }
    }

    @Test
    void answers_are_saved_at_once_idempotently_and_a_late_older_write_never_wins() {
        users.loginAs("exam-save@example.jp", Role.CANDIDATE);
        AttemptView view = attempts.start("competency-standard");
        AttemptView.Question question = view.questions().getFirst();
        String a = question.choices().get(0).id();
        String b = question.choices().get(1).id();

        attempts.save(view.attemptId(), question.itemId(), Set.of(a), 5);
        attempts.save(view.attemptId(), question.itemId(), Set.of(a), 5);
        AttemptView.Saved afterStale = attempts.save(view.attemptId(), question.itemId(), Set.of(b), 3);

        assertThat(afterStale).isEqualTo(new AttemptView.Saved(Set.of(a), 5));
        assertThat(attempts.save(view.attemptId(), question.itemId(), Set.of(b), 6)).isEqualTo(new AttemptView.Saved(Set.of(b), 6));
        assertThat(attempts.view(view.attemptId()).saved()).containsEntry(question.itemId(), new AttemptView.Saved(Set.of(b), 6));
    }

    @Test
    void after_a_restart_every_saved_answer_and_the_deadline_are_still_there() {
        users.loginAs("exam-restart@example.jp", Role.CANDIDATE);
        AttemptView before = attempts.start("competency-standard");
        for (int i = 0; i < 10; i++) {
            AttemptView.Question q = before.questions().get(i);
            attempts.save(before.attemptId(), q.itemId(), Set.of(q.choices().get(i % q.choices().size()).id()), i + 1);
        }

        // A new service instance holds nothing in memory: everything comes back from the database.
        ExamAttempts restarted = new ExamAttempts(new ItemBanks2().banks(), definitions, rules, ledger, auditLog, jdbc,
                Clock.systemUTC(), event -> { }, gate, transaction, 4, Duration.ofSeconds(60));
        AttemptView after = restarted.start("competency-standard");

        assertThat(after.attemptId()).isEqualTo(before.attemptId());
        assertThat(after.deadline()).isEqualTo(before.deadline());
        assertThat(after.saved()).hasSize(10).isEqualTo(attempts.view(before.attemptId()).saved());
    }

    @Test
    void answers_after_the_deadline_for_foreign_items_or_options_or_on_another_attempt_are_refused_and_logged() {
        long other = users.loginAs("exam-victim@example.jp", Role.CANDIDATE).id();
        AttemptView victims = attempts.start("competency-standard");
        users.loginAs("exam-intruder@example.jp", Role.CANDIDATE);
        AttemptView mine = attempts.start("competency-standard");
        AttemptView.Question q = mine.questions().getFirst();

        assertThatThrownBy(() -> attempts.save(victims.attemptId(), victims.questions().getFirst().itemId(), Set.of("a"), 1))
                .isInstanceOf(ExamRefusedException.class);
        assertThatThrownBy(() -> attempts.save(mine.attemptId(), "not-in-this-attempt", Set.of("a"), 1))
                .isInstanceOf(ExamRefusedException.class);
        assertThatThrownBy(() -> attempts.save(mine.attemptId(), q.itemId(), Set.of("zz"), 1))
                .isInstanceOf(ExamRefusedException.class);
        clock.advance(Duration.ofMinutes(61));
        assertThatThrownBy(() -> attempts.save(mine.attemptId(), q.itemId(), Set.of(q.choices().getFirst().id()), 2))
                .isInstanceOf(ExamRefusedException.class).hasMessageContaining("after the attempt closed");

        users.loginAs("exam-audit@example.jp", Role.AUDITOR);
        assertThat(auditLog.recent(AuditAction.EXAM_REQUEST_REFUSED, 50)).filteredOn(e -> "exam-intruder@example.jp".equals(e.actor()))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(other).isPositive();
    }

    @Test
    void the_finaliser_closes_an_overdue_attempt_with_the_answers_saved_before_the_deadline() {
        long id = users.loginAs("exam-overdue@example.jp", Role.CANDIDATE).id();
        AttemptView view = attempts.start("competency-standard");
        int right = 0;
        for (int i = 0; i < 12; i++) {
            AttemptView.Question q = view.questions().get(i);
            attempts.save(view.attemptId(), q.itemId(), item(q).key(), 1);
            right++;
        }
        clock.advance(Duration.ofMinutes(60).plusSeconds(20));

        finaliser.run();

        ExamResult result = attempts.result(view.attemptId());
        assertThat(result.state()).isEqualTo(AttemptState.FINALISED);
        assertThat(result.score()).isEqualByComparingTo(String.valueOf(right * 100.0 / 60));
        assertThat(result.passed()).isFalse();
        assertThat(result.domains().values().stream().mapToInt(ExamResult.DomainScore::total).sum()).isEqualTo(60);
        assertThat(result.domains().values().stream().mapToInt(ExamResult.DomainScore::correct).sum()).isEqualTo(right);
        assertThat(jdbc.sql("SELECT finished_at = deadline FROM exam_attempt WHERE id = ?").param(view.attemptId())
                .query(Boolean.class).single()).as("finish time is the deadline").isTrue();
        users.loginAs("exam-overdue@example.jp", Role.CANDIDATE);
        assertThat(ledger.recordsOf(id)).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo("EXAM_RESULT");
            assertThat(record.actor()).isEqualTo("system");
            assertThat(record.detailsJson()).contains("\"closedBy\":\"FINALISED\"", "\"appi-duties\":");
        });
    }

    @Test
    void submitting_with_every_key_scores_full_marks_per_domain_once() {
        long id = users.loginAs("exam-perfect@example.jp", Role.CANDIDATE).id();
        AttemptView view = attempts.start("competency-standard");
        view.questions().forEach(q -> attempts.save(view.attemptId(), q.itemId(), item(q).key(), 1));

        ExamResult result = attempts.submit(view.attemptId());
        ExamResult again = attempts.submit(view.attemptId());

        assertThat(result.state()).isEqualTo(AttemptState.SUBMITTED);
        assertThat(result.score()).isEqualByComparingTo("100");
        assertThat(result.passed()).isTrue();
        assertThat(result.domains()).allSatisfy((domain, score) -> assertThat(score.correct()).isEqualTo(score.total()));
        assertThat(again).isEqualTo(result);
        // The pass also brings its certificate (certification module).
        assertThat(ledger.recordsOf(id)).extracting(EvidenceRecord::kind, EvidenceRecord::result)
                .containsExactlyInAnyOrder(tuple("EXAM_RESULT", "PASSED"),
                        tuple("CERTIFICATE_ISSUED", "ISSUED"));
    }

    @Test
    void under_the_abandon_policy_an_overdue_attempt_does_not_count() {
        jdbc.sql("INSERT IGNORE INTO exam_definition (exam_id, version, name_ja, name_en, bank, blueprint, time_limit_minutes, pass_mark, "
                + "overdue_policy, grace_minutes, show_rationale, published_at) VALUES ('test-abandon', 1, 'テスト', 'Test', 'competency', "
                + "'standard', 30, 70, 'ABANDON', 0, FALSE, '2026-11-23 00:00:00')").update();
        users.loginAs("exam-abandon@example.jp", Role.CANDIDATE);
        AttemptView view = attempts.start("test-abandon");
        clock.advance(Duration.ofMinutes(31));

        finaliser.run();

        assertThat(attempts.result(view.attemptId()).state()).isEqualTo(AttemptState.ABANDONED);
        assertThat(attempts.result(view.attemptId()).score()).isNull();
    }

    @Test
    void only_candidates_sit_exams() {
        users.loginAs("exam-learner@example.jp", Role.LEARNER);

        assertThatThrownBy(() -> attempts.start("competency-standard")).isInstanceOf(AuthorizationDeniedException.class);
    }

    private Item item(AttemptView.Question question) {
        return banks.bank("competency").stream().filter(i -> i.id().equals(question.itemId())).findFirst().orElseThrow();
    }

    /** A second, independent load of the banks, as after a restart. */
    private static final class ItemBanks2 {
        ItemBanks banks() {
            try {
                return new ItemBanks();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
