package jp.mamori.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.mamori.catalog.CompanyRules;
import jp.mamori.content.Templates;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.identity.TestUsers;
import jp.mamori.questionbank.Item;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;

/** The end-of-deck check through to completion and the evidence it leaves. */
@MamoriIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChecksIT {

    @Autowired
    Checks checks;
    @Autowired
    Training training;
    @Autowired
    RulesAcknowledgements acknowledgements;
    @Autowired
    CompanyRules rules;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    TestUsers users;
    @Autowired
    TestTraining taking;


    @Test
    void the_check_opens_only_after_every_slide_was_seen() {
        users.loginAs("check-early@example.jp", Role.LEARNER);
        training.open("pms-and-you");
        training.show("pms-and-you", 1);

        assertThatThrownBy(() -> checks.start("pms-and-you")).isInstanceOf(NotReadyException.class);
    }

    @Test
    void a_try_draws_the_decks_number_of_items_and_stays_the_same_until_submitted() {
        long id = users.loginAs("check-draw@example.jp", Role.LEARNER).id();
        seeAll("incident-trends");

        CheckAttempt first = checks.start("incident-trends");
        CheckAttempt again = checks.start("incident-trends");

        assertThat(first.items()).hasSize(first.deck().deck().checkItems()).doesNotHaveDuplicates();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.items()).containsExactlyElementsOf(first.items());
        assertThat(id).isPositive();
    }

    @Test
    void passing_completes_the_deck_and_records_the_result_and_the_completion_with_version_and_score() {
        long id = users.loginAs("check-pass@example.jp", Role.LEARNER).id();
        seeAll("when-incidents-happen");
        CheckAttempt attempt = checks.start("when-incidents-happen");

        CheckResult result = checks.submit(attempt.id(), answers(attempt.items(), true));

        assertThat(result.passed()).isTrue();
        assertThat(result.deckCompleted()).isTrue();
        assertThat(result.score()).isEqualByComparingTo("100");
        assertThat(training.programme(Audience.EMPLOYEE)).filteredOn(e -> e.deckId().equals("when-incidents-happen"))
                .singleElement().extracting(TrainingEntry::status).isEqualTo(TrainingStatus.DONE);
        List<EvidenceRecord> records = ledger.recordsOf(id);
        assertThat(records).extracting(EvidenceRecord::kind).containsExactly("DECK_COMPLETED", "CHECK_RESULT");
        assertThat(records).allMatch(r -> r.itemRef().equals("deck:when-incidents-happen") && r.itemVersion().equals("1")
                && r.score().compareTo(java.math.BigDecimal.valueOf(100)) == 0);
        assertThat(records.getLast().detailsJson()).contains("\"attempt\":" + attempt.id());
    }

    @Test
    void failing_shows_the_wrong_answers_and_a_retry_draws_a_new_try() {
        long id = users.loginAs("check-fail@example.jp", Role.LEARNER).id();
        seeAll("why-pi-matters");
        CheckAttempt attempt = checks.start("why-pi-matters");

        CheckResult result = checks.submit(attempt.id(), answers(attempt.items(), false));

        assertThat(result.passed()).isFalse();
        assertThat(result.deckCompleted()).isFalse();
        assertThat(result.wrong()).hasSize(attempt.items().size());
        assertThat(result.wrong()).allMatch(w -> !w.item().rationale().ja().isBlank());
        assertThat(ledger.recordsOf(id)).extracting(EvidenceRecord::result).containsExactly("FAILED");
        assertThat(checks.start("why-pi-matters").id()).isNotEqualTo(attempt.id());
    }

    @Test
    void submitting_the_same_try_twice_gives_one_result_and_one_record() throws Exception {
        long id = users.loginAs("check-twice@example.jp", Role.LEARNER).id();
        seeAll("incident-trends");
        CheckAttempt attempt = checks.start("incident-trends");
        Map<String, Set<String>> right = answers(attempt.items(), true);
        SecurityContext context = SecurityContextHolder.getContext();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<CheckResult> submit = () -> {
                SecurityContextHolder.setContext(context);
                return checks.submit(attempt.id(), right);
            };
            List<Future<CheckResult>> results = pool.invokeAll(List.of(submit, submit, submit, submit));
            for (Future<CheckResult> result : results) {
                assertThat(result.get().passed()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        CheckResult later = checks.submit(attempt.id(), answers(attempt.items(), false));

        assertThat(later.passed()).as("a resubmission with other answers changes nothing").isTrue();
        assertThat(ledger.recordsOf(id)).filteredOn(r -> r.kind().equals("CHECK_RESULT")).hasSize(1);
        assertThat(ledger.recordsOf(id)).filteredOn(r -> r.kind().equals("DECK_COMPLETED")).hasSize(1);
    }

    @Test
    void a_try_with_an_unanswered_item_is_refused_and_records_nothing() {
        long id = users.loginAs("check-blank@example.jp", Role.LEARNER).id();
        seeAll("pms-and-you");
        CheckAttempt attempt = checks.start("pms-and-you");
        Map<String, Set<String>> partial = new HashMap<>(answers(attempt.items(), true));
        partial.remove(attempt.items().getFirst().id());

        assertThatThrownBy(() -> checks.submit(attempt.id(), partial)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.recordsOf(id)).isEmpty();
    }

    @Test
    void nobody_submits_another_learners_try() {
        users.loginAs("check-owner@example.jp", Role.LEARNER);
        seeAll("pms-and-you");
        CheckAttempt attempt = checks.start("pms-and-you");
        users.loginAs("check-thief@example.jp", Role.LEARNER);

        assertThatThrownBy(() -> checks.submit(attempt.id(), answers(attempt.items(), true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_rules_deck_completes_only_with_the_published_rules_acknowledged_and_asks_again_after_a_change() {
        users.loginAs("rules-admin@example.jp", Role.TRAINING_ADMIN);
        int v1 = rules.publish(Templates.samples(rules.template()), false);
        long id = users.loginAs("rules-learner@example.jp", Role.LEARNER).id();
        seeAll("our-rules");
        CheckAttempt attempt = checks.start("our-rules");

        CheckResult passed = checks.submit(attempt.id(), answers(attempt.items(), true));
        assertThat(passed.passed()).isTrue();
        assertThat(passed.deckCompleted()).as("not without the acknowledgement").isFalse();
        assertThat(acknowledgements.required()).isTrue();

        acknowledgements.acknowledge(v1);
        assertThat(status("our-rules")).isEqualTo(TrainingStatus.DONE);
        assertThat(ledger.recordsOf(id)).extracting(EvidenceRecord::kind).contains("RULES_ACKNOWLEDGED", "DECK_COMPLETED");
        assertThat(ledger.recordsOf(id).getFirst().detailsJson()).contains("\"rulesVersion\":" + v1);

        users.loginAs("rules-admin@example.jp", Role.TRAINING_ADMIN);
        Map<String, String> changed = new HashMap<>(rules.draft());
        changed.put("incident_contact", "情報セキュリティ室(内線 9999)");
        int v2 = rules.publish(changed, true);
        users.loginAs("rules-learner@example.jp", Role.LEARNER);
        assertThat(status("our-rules")).isEqualTo(TrainingStatus.ACKNOWLEDGE_AGAIN);
        assertThatThrownBy(() -> acknowledgements.acknowledge(v1)).isInstanceOf(IllegalStateException.class);

        acknowledgements.acknowledge(v2);
        assertThat(status("our-rules")).isEqualTo(TrainingStatus.DONE);
        assertThat(ledger.recordsOf(id)).filteredOn(r -> r.kind().equals("RULES_ACKNOWLEDGED"))
                .extracting(EvidenceRecord::itemVersion).containsExactlyInAnyOrder(String.valueOf(v1), String.valueOf(v2));
    }

    private TrainingStatus status(String deckId) {
        return training.programme(Audience.EMPLOYEE).stream().filter(e -> e.deckId().equals(deckId)).findFirst().orElseThrow().status();
    }

    private void seeAll(String deckId) {
        taking.seeAll(deckId);
    }

    private static Map<String, Set<String>> answers(List<Item> items, boolean right) {
        return TestTraining.answers(items, right);
    }
}
