package jp.mamori.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The ledger against the real database: one gap-free chain under concurrent appends, and every
 * direct edit, deletion or reordering in SQL caught by the verifier. Each test starts from an empty ledger.
 */
@MamoriIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EvidenceLedgerIT {

    @Autowired
    EvidenceLedger ledger;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    long learnerId;

    @BeforeEach
    void emptyLedger() {
        jdbc.sql("DELETE FROM evidence_record").update();
        jdbc.sql("UPDATE evidence_chain_head SET last_seq = 0, last_hash = ? WHERE id = 1").param(ChainHash.GENESIS).update();
        learnerId = users.create("ledger-learner@example.jp", Role.LEARNER);
        users.loginAs("ledger-auditor@example.jp", Role.AUDITOR);
    }


    @Test
    void appended_records_form_a_chain_the_verifier_accepts() {
        EvidenceRecord first = ledger.append(entry("PASSED", "80"));
        EvidenceRecord second = ledger.append(entry("FAILED", "40"));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(ChainHash.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        ChainVerification verification = ledger.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.recordsChecked()).isEqualTo(2);
        assertThat(verification.head()).isEqualTo(new ChainHead(2, second.hash())).isEqualTo(ledger.head());
    }

    @Test
    void stored_records_read_back_exactly_as_hashed() {
        EvidenceRecord appended = ledger.append(entry("PASSED", "92.5"));

        EvidenceRecord stored = ledger.recordsOf(learnerId).getFirst();

        assertThat(stored).isEqualTo(appended);
        assertThat(stored.score()).isEqualByComparingTo("92.50");
        assertThat(stored.detailsJson()).isEqualTo("{\"attempt\":1,\"note\":\"初回\"}");
    }

    @Test
    void sixteen_threads_appending_at_once_produce_one_gap_free_chain() throws Exception {
        int threads = 16;
        int each = 25;
        SecurityContext context = SecurityContextHolder.getContext();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Callable<List<Long>> appender = () -> {
                    SecurityContextHolder.setContext(context);
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        seqs.add(ledger.append(entry("PASSED", "70")).seq());
                    }
                    return seqs;
                };
                results.add(pool.submit(appender));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }

            assertThat(all).hasSize(threads * each).doesNotHaveDuplicates();
            assertThat(all).allMatch(seq -> seq >= 1 && seq <= threads * each);
        } finally {
            pool.shutdownNow();
        }
        ChainVerification verification = ledger.verify();
        assertThat(verification.intact()).as(String.valueOf(verification.brokenLink())).isTrue();
        assertThat(verification.recordsChecked()).isEqualTo(threads * each);
    }

    @Test
    void editing_a_record_in_sql_is_named_as_altered_content() {
        appendFive();

        jdbc.sql("UPDATE evidence_record SET score = 100 WHERE seq = 3").update();

        assertBrokenAt(3, ChainVerification.Problem.CONTENT_ALTERED);
    }

    @Test
    void editing_details_or_time_in_sql_is_caught_too() {
        appendFive();

        jdbc.sql("UPDATE evidence_record SET details = '{\"attempt\":2,\"note\":\"初回\"}' WHERE seq = 4").update();

        assertBrokenAt(4, ChainVerification.Problem.CONTENT_ALTERED);
    }

    @Test
    void deleting_a_record_in_sql_is_named_as_missing() {
        appendFive();

        jdbc.sql("DELETE FROM evidence_record WHERE seq = 2").update();

        assertBrokenAt(2, ChainVerification.Problem.MISSING_RECORD);
    }

    @Test
    void deleting_the_last_record_in_sql_disagrees_with_the_chain_head() {
        appendFive();

        jdbc.sql("DELETE FROM evidence_record WHERE seq = 5").update();

        assertBrokenAt(5, ChainVerification.Problem.HEAD_MISMATCH);
    }

    @Test
    void swapping_two_records_in_sql_is_caught_at_the_first_of_them() {
        appendFive();

        // Reorder: give record 2 the place of record 4 and the other way round.
        jdbc.sql("UPDATE evidence_record SET seq = -4 WHERE seq = 4").update();
        jdbc.sql("UPDATE evidence_record SET seq = 4 WHERE seq = 2").update();
        jdbc.sql("UPDATE evidence_record SET seq = 2 WHERE seq = -4").update();

        assertBrokenAt(2, ChainVerification.Problem.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void a_correction_is_a_new_record_that_names_the_old_one() {
        EvidenceRecord wrong = ledger.append(entry("FAILED", "40"));

        EvidenceRecord correction = ledger.append(entry("PASSED", "80").correcting(wrong.seq()));

        assertThat(correction.correctsSeq()).isEqualTo(wrong.seq());
        assertThat(ledger.recordsOf(learnerId)).hasSize(2);
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void a_learner_reads_their_own_records_but_may_not_verify_or_read_others() {
        ledger.append(entry("PASSED", "80"));
        users.loginAs("ledger-learner@example.jp", Role.LEARNER);

        assertThat(ledger.recordsOf(learnerId)).hasSize(1);
        assertThatThrownBy(() -> ledger.verify()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> ledger.recordsOf(learnerId + 1000)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> ledger.latest(10)).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void nobody_appends_without_being_logged_in() {
        TestUsers.logout();

        assertThatThrownBy(() -> ledger.append(entry("PASSED", "80")))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    private void appendFive() {
        for (int i = 0; i < 5; i++) {
            ledger.append(entry("PASSED", String.valueOf(60 + i)));
        }
        assertThat(ledger.verify().intact()).isTrue();
    }

    private void assertBrokenAt(long seq, ChainVerification.Problem problem) {
        ChainVerification verification = ledger.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenLink().seq()).isEqualTo(seq);
        assertThat(verification.brokenLink().problem()).isEqualTo(problem);
        assertThat(verification.brokenLink().description()).contains("#" + seq);
    }

    private EvidenceEntry entry(String result, String score) {
        return new EvidenceEntry("CHECK_RESULT", learnerId, "ledger-learner@example.jp", "ledger-learner@example.jp",
                "deck:why-pi-matters", "1", result, new BigDecimal(score), Map.of("attempt", 1, "note", "初回"), null);
    }
}
