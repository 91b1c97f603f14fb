package jp.mamori.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.mamori.identity.TestUsers;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemOption;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Item analysis on the real database, checked against figures computed by hand for the data set in
 * {@link ClosedAttempts#handComputed}. Every test works on an exam id of its own.
 *
 * <p>By hand, with x the item score, T the attempt total and y = T − x the rest, n = 6 and
 * r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)), T = 4, 3, 2, 2, 2, 1:
 * <ul>
 *   <li>I1 pms-001: x = 1,0,0,0,0,0; y = 3,3,2,2,2,1; Σx = 1, Σy = 13, Σy² = 31, Σxy = 3;
 *       r = (18 − 13) / √(5 · 17) = 5 / √85 = 0.5423; p = 1/6 = 0.1667</li>
 *   <li>I2 pms-002: x = 1,0,0,1,0,0; y = 3,3,2,1,2,1; Σx = 2, Σy = 12, Σy² = 28, Σxy = 4;
 *       r = (24 − 24) / √(8 · 24) = 0; p = 2/6</li>
 *   <li>I3 appi-breaches-rights-002: x = 1,1,1,0,0,0; y = 3,2,1,2,2,1; Σx = 3, Σy = 11, Σy² = 23, Σxy = 6;
 *       r = (36 − 33) / √(9 · 17) = 3 / √153 = 0.2425; p = 3/6</li>
 *   <li>I4 pms-004: x = 0,1,0,0,1,0; y = 4,2,2,2,1,1; Σx = 2, Σy = 12, Σy² = 30, Σxy = 3;
 *       r = (18 − 24) / √(8 · 36) = −6 / √288 = −0.3536; p = 2/6</li>
 *   <li>I5 appi-duties-004: x = 1 for everyone, so nΣx² − (Σx)² = 0: r is undefined; p = 1</li>
 * </ul>
 */
@MamoriIntegrationTest
class ItemAnalysisIT {

    @Autowired
    ItemAnalysis analysis;
    @Autowired
    ClosedAttempts closedAttempts;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void p_values_discrimination_option_counts_and_flags_match_the_hand_computed_figures() {
        closedAttempts.handComputed("analysis-hand");
        users.loginAs("analysis-admin@example.jp", Role.TRAINING_ADMIN);

        ItemAnalysisReport report = analysis.analyse("analysis-hand", null, null);

        Map<String, ItemStatistics> items = byId(report);
        assertThat(report.attempts()).as("in-progress and abandoned attempts are left out").isEqualTo(6);
        assertThat(items).hasSize(5);
        assertThat(items.values()).allSatisfy(item -> assertThat(item.n()).isEqualTo(6));

        ItemStatistics i1 = items.get("pms-001");
        assertThat(i1.version()).isEqualTo(2);
        assertThat(i1.pValue()).isCloseTo(1 / 6.0, within(1e-9));
        assertThat(i1.discrimination().getAsDouble()).isCloseTo(5 / Math.sqrt(85), within(1e-9)).isCloseTo(0.5423, within(1e-4));
        assertThat(counts(i1)).isEqualTo(Map.of("a", 2, "b", 1, "c", 1, "d", 0));
        assertThat(i1.options()).filteredOn(OptionCount::key).extracting(OptionCount::optionId).containsExactly("c");
        assertThat(i1.unanswered()).as("no answer row, and an answer cleared to nothing").isEqualTo(2);
        assertThat(i1.flags()).containsExactly(ItemFlag.FEW_RESPONSES, ItemFlag.TOO_HARD);

        ItemStatistics i2 = items.get("pms-002");
        assertThat(i2.pValue()).isCloseTo(2 / 6.0, within(1e-9));
        assertThat(i2.discrimination().getAsDouble()).isCloseTo(0, within(1e-9));
        assertThat(counts(i2)).isEqualTo(Map.of("a", 2, "b", 2, "c", 1, "d", 1));
        assertThat(i2.flags()).containsExactly(ItemFlag.FEW_RESPONSES, ItemFlag.LOW_DISCRIMINATION);

        ItemStatistics i3 = items.get("appi-breaches-rights-002");
        assertThat(i3.pValue()).isCloseTo(0.5, within(1e-9));
        assertThat(i3.discrimination().getAsDouble()).isCloseTo(3 / Math.sqrt(153), within(1e-9));
        assertThat(counts(i3)).isEqualTo(Map.of("true", 3, "false", 2));
        assertThat(i3.unanswered()).isEqualTo(1);
        assertThat(i3.flags()).containsExactly(ItemFlag.FEW_RESPONSES, ItemFlag.MARKED_FOR_REVIEW);

        ItemStatistics i4 = items.get("pms-004");
        assertThat(i4.discrimination().getAsDouble()).isCloseTo(-6 / Math.sqrt(288), within(1e-9));
        assertThat(i4.flags()).containsExactly(ItemFlag.FEW_RESPONSES, ItemFlag.NEGATIVE_DISCRIMINATION);

        ItemStatistics i5 = items.get("appi-duties-004");
        assertThat(i5.pValue()).isEqualTo(1.0);
        assertThat(i5.discrimination()).as("no variance in the item").isEmpty();
        assertThat(counts(i5)).isEqualTo(Map.of("true", 0, "false", 6));
        assertThat(i5.flags()).as("an unchosen distractor is not flagged below 30 responses")
                .containsExactly(ItemFlag.FEW_RESPONSES, ItemFlag.TOO_EASY);
    }

    @Test
    void only_attempts_finished_within_the_period_count() {
        closedAttempts.handComputed("analysis-period");
        users.loginAs("analysis-period-admin@example.jp", Role.TRAINING_ADMIN);

        // A2 and A3 finished on 2 and 3 November; the abandoned attempt of 3 November still does not count.
        ItemAnalysisReport report = analysis.analyse("analysis-period", Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-04T00:00:00Z"));

        assertThat(report.attempts()).isEqualTo(2);
        ItemStatistics i1 = byId(report).get("pms-001");
        assertThat(counts(i1)).isEqualTo(Map.of("a", 1, "b", 1, "c", 0, "d", 0));
        assertThat(i1.pValue()).isZero();
        assertThat(analysis.analyse("analysis-period", Instant.parse("2026-11-06T03:00:00Z"), null).attempts())
                .as("from is inclusive").isEqualTo(1);
        assertThat(analysis.analyse("analysis-period", null, Instant.parse("2026-11-01T03:00:00Z")).attempts())
                .as("to is exclusive").isZero();
    }

    @Test
    void an_exam_without_closed_attempts_gives_an_empty_analysis_and_shows_no_key() {
        users.loginAs("analysis-empty-admin@example.jp", Role.TRAINING_ADMIN);

        ItemAnalysisReport report = analysis.analyse("competency-expert", null, null);

        assertThat(report.attempts()).isZero();
        assertThat(report.items()).isEmpty();
        assertThat(keyViews("analysis-empty-admin@example.jp")).isZero();
    }

    @Test
    void each_analysis_and_each_export_is_recorded_as_an_answer_key_view() {
        closedAttempts.handComputed("analysis-audit");
        users.loginAs("analysis-audit-admin@example.jp", Role.TRAINING_ADMIN);

        analysis.analyse("analysis-audit", null, null);
        analysis.analyse("analysis-audit", null, null);
        analysis.export("analysis-audit", null, null, false);

        assertThat(keyViews("analysis-audit-admin@example.jp")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'ANSWER_KEY_VIEWED' AND actor = ? ORDER BY id")
                .param("analysis-audit-admin@example.jp").query(String.class).list())
                .allSatisfy(detail -> assertThat(detail).contains("5 items", "6 closed attempts"))
                .last().satisfies(detail -> assertThat(detail).startsWith("CSV export"));
    }

    @Test
    void the_csv_export_is_utf8_with_a_bom_one_row_per_item_named_after_the_exam_and_the_date() {
        closedAttempts.handComputed("analysis-csv");
        users.loginAs("analysis-csv-admin@example.jp", Role.TRAINING_ADMIN);

        CsvFile all = analysis.export("analysis-csv", null, null, false);
        CsvFile flagged = analysis.export("analysis-csv", null, null, true);

        assertThat(Arrays.copyOf(all.content(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(all.fileName()).matches("item-analysis-analysis-csv-\\d{4}-\\d{2}-\\d{2}\\.csv");
        String[] lines = new String(all.content(), 3, all.content().length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("item_id,version,domain,difficulty,type,n,p,r,A_count,B_count,C_count,D_count,"
                + "FALSE_count,TRUE_count,unanswered,key,flags,stem_ja");
        assertThat(lines).hasSize(6);
        assertThat(lines[1]).startsWith("appi-breaches-rights-002,1,appi-breaches-rights,1,true_false,6,0.500,0.243,,,,,2,3,1,TRUE,"
                + "FEW_RESPONSES MARKED_FOR_REVIEW,");
        assertThat(lines[2]).startsWith("appi-duties-004,1,appi-duties,1,true_false,6,1.000,,,,,,6,0,0,FALSE,FEW_RESPONSES TOO_EASY,");
        assertThat(lines[3]).startsWith("pms-001,2,pms,1,single,6,0.167,0.542,2,1,1,0,,,2,C,FEW_RESPONSES TOO_HARD,");
        assertThat(new String(flagged.content(), StandardCharsets.UTF_8).split("\r\n")).as("every item is flagged here").hasSize(6);
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused_naming_the_period() {
        users.loginAs("analysis-bad-admin@example.jp", Role.TRAINING_ADMIN);

        assertThatThrownBy(() -> analysis.analyse("competency-standard", Instant.parse("2026-11-05T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("period:");
    }

    @Test
    void every_other_role_and_anyone_not_logged_in_is_refused_even_when_calling_the_service_directly() {
        for (Role role : List.of(Role.LEARNER, Role.CANDIDATE, Role.PRIVACY_OFFICER, Role.AUDITOR, Role.SYSTEM_ADMIN, Role.EXAMINER)) {
            users.loginAs("analysis-" + role.name().toLowerCase() + "@example.jp", role);

            assertThatThrownBy(() -> analysis.exams()).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> analysis.analyse("competency-standard", null, null)).as(role.name())
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> analysis.export("competency-standard", null, null, false)).as(role.name())
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
        TestUsers.logout();
        assertThatThrownBy(() -> analysis.analyse("competency-standard", null, null))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    /** A sanity check of size, not a benchmark: 2,000 closed attempts of 40 items are read in one pass. */
    @Test
    void two_thousand_closed_attempts_are_analysed_and_a_distractor_nobody_chose_is_flagged() {
        List<Item> asked = closedAttempts.random("analysis-bulk", 2_000, 40);
        users.loginAs("analysis-bulk-admin@example.jp", Role.TRAINING_ADMIN);

        ItemAnalysisReport report = analysis.analyse("analysis-bulk", null, null);

        assertThat(report.attempts()).isEqualTo(2_000);
        assertThat(report.items()).hasSize(40).allSatisfy(item -> {
            assertThat(item.n()).isEqualTo(2_000);
            assertThat(item.flags()).doesNotContain(ItemFlag.FEW_RESPONSES);
            assertThat(item.discrimination().getAsDouble()).as("answers follow ability").isPositive();
        });
        ItemStatistics first = byId(report).get(asked.getFirst().id());
        assertThat(first.flags()).contains(ItemFlag.UNCHOSEN_DISTRACTOR);
        Item item = asked.getFirst();
        assertThat(first.unchosenDistractors()).containsExactly(item.choices().stream().map(ItemOption::id)
                .filter(id -> !item.key().contains(id)).toList().getLast());
    }

    private int keyViews(String actor) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ANSWER_KEY_VIEWED' AND actor = ?").param(actor)
                .query(Integer.class).single();
    }

    private static Map<String, ItemStatistics> byId(ItemAnalysisReport report) {
        return report.items().stream().collect(Collectors.toMap(ItemStatistics::itemId, Function.identity()));
    }

    private static Map<String, Integer> counts(ItemStatistics item) {
        return item.options().stream().collect(Collectors.toMap(OptionCount::optionId, OptionCount::count));
    }
}
