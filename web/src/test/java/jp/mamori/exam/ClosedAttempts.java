package jp.mamori.exam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import jp.mamori.identity.TestUsers;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemOption;
import jp.mamori.questionbank.ItemType;
import jp.mamori.shared.Role;
import jp.mamori.shared.db.UtcColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes attempts straight into the exam tables, as if candidates had sat and closed them, so that item-analysis
 * figures can be computed by hand. Each data set uses an exam id of its own, so other tests' attempts never mix in.
 */
@Component
public class ClosedAttempts {

    /** The five items of the hand-computed set, with their keys: c, a, true (marked for review), b, false. */
    public static final List<String> HAND_ITEMS = List.of("pms-001@2", "pms-002@1", "appi-breaches-rights-002@1", "pms-004@1",
            "appi-duties-004@1");

    private final JdbcClient jdbc;
    private final ItemBanks banks;
    private final TestUsers users;

    ClosedAttempts(JdbcClient jdbc, ItemBanks banks, TestUsers users) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.users = users;
    }

    /**
     * The hand-computed set on a new exam: six closed attempts A1..A6 (finished on 1 to 6 November 2026, 03:00 UTC)
     * over {@link #HAND_ITEMS}, whose right (1) and wrong (0) answers are
     * <pre>
     *        I1 I2 I3 I4 I5   total
     *   A1    1  1  1  0  1   4
     *   A2    0  0  1  1  1   3
     *   A3    0  0  1  0  1   2
     *   A4    0  1  0  0  1   2
     *   A5    0  0  0  1  1   2
     *   A6    0  0  0  0  1   1
     * </pre>
     * I1: c, a, b, a, (no answer), (answer cleared). I2: a, b, c, a, d, b. I3: true, true, true, false, false, (none).
     * I4: a, b, c, d, b, a. I5: false for all. A1..A3 were submitted, A4..A6 finalised at the deadline. Two more
     * attempts answer every item correctly but must not count: one still in progress, one abandoned.
     */
    public void handComputed(String examId) {
        exam(examId);
        String[][] answers = {
                {"c", "a", "true", "a", "false"},
                {"a", "b", "true", "b", "false"},
                {"b", "c", "true", "c", "false"},
                {"a", "a", "false", "d", "false"},
                {null, "d", "false", "b", "false"},
                {"", "b", null, "a", "false"},
        };
        for (int a = 0; a < answers.length; a++) {
            long user = users.create(examId + "-a" + (a + 1) + "@example.jp", Role.CANDIDATE);
            insert(user, examId, a < 3 ? AttemptState.SUBMITTED : AttemptState.FINALISED,
                    Instant.parse("2026-11-0" + (a + 1) + "T03:00:00Z"), answers[a]);
        }
        String[] allRight = {"c", "a", "true", "b", "false"};
        long late = users.create(examId + "-open@example.jp", Role.CANDIDATE);
        insert(late, examId, AttemptState.IN_PROGRESS, null, allRight);
        insert(late, examId, AttemptState.ABANDONED, Instant.parse("2026-11-03T03:00:00Z"), allRight);
    }

    /**
     * {@code attempts} closed attempts of the same {@code count} single-choice items from the competency bank, answered
     * at random by candidates of varying ability (seeded, so every run is the same). Wrong answers to the first item
     * never choose its last wrong option, so that distractor stays unchosen.
     */
    public List<Item> random(String examId, int attempts, int count) {
        exam(examId);
        List<Item> items = banks.bank("competency").stream().filter(i -> i.type() == ItemType.SINGLE).limit(count).toList();
        long user = users.create(examId + "-candidate@example.jp", Role.CANDIDATE);
        Random random = new Random(20261123);
        StringJoiner rows = new StringJoiner(",");
        for (int a = 0; a < attempts; a++) {
            rows.add("(" + user + ", '" + examId + "', 1, 'SUBMITTED', '2026-11-09 23:00:00', '2026-11-10 00:00:00', "
                    + "'2026-11-10 00:00:00')");
        }
        jdbc.sql("INSERT INTO exam_attempt (user_id, exam_id, exam_version, state, started_at, deadline, finished_at) VALUES " + rows)
                .update();
        List<Long> ids = jdbc.sql("SELECT id FROM exam_attempt WHERE exam_id = ? ORDER BY id").param(examId).query(Long.class).list();
        StringJoiner asked = new StringJoiner(",");
        StringJoiner answered = new StringJoiner(",");
        for (long id : ids) {
            double ability = random.nextDouble();
            for (int position = 0; position < items.size(); position++) {
                Item item = items.get(position);
                asked.add("(" + id + ", " + position + ", '" + item.id() + "', " + item.version() + ", '" + item.domain() + "', '"
                        + optionOrder(item) + "')");
                List<String> wrong = new ArrayList<>(item.choices().stream().map(ItemOption::id).filter(o -> !item.key().contains(o)).toList());
                if (position == 0) {
                    wrong.removeLast();
                }
                String answer = random.nextDouble() < 0.1 + 0.8 * ability ? item.key().iterator().next()
                        : wrong.get(random.nextInt(wrong.size()));
                answered.add("(" + id + ", '" + item.id() + "', '" + answer + "', 1, '2026-11-09 23:30:00')");
            }
            if (asked.length() > 200_000) {
                flush(asked, answered);
                asked = new StringJoiner(",");
                answered = new StringJoiner(",");
            }
        }
        flush(asked, answered);
        return items;
    }

    private void flush(StringJoiner asked, StringJoiner answered) {
        if (asked.length() == 0) {
            return;
        }
        jdbc.sql("INSERT INTO attempt_item (attempt_id, position, item_id, item_version, domain, option_order) VALUES " + asked).update();
        jdbc.sql("INSERT INTO attempt_answer (attempt_id, item_id, answer, client_seq, saved_at) VALUES " + answered).update();
    }

    private void exam(String examId) {
        jdbc.sql("INSERT IGNORE INTO exam_definition (exam_id, version, name_ja, name_en, bank, blueprint, time_limit_minutes, "
                        + "pass_mark, overdue_policy, grace_minutes, show_rationale, published_at) VALUES (?, 1, ?, ?, 'competency', "
                        + "'standard', 60, 70, 'AUTO_SUBMIT', 0, FALSE, '2026-10-01 00:00:00')")
                .params(examId, "分析用 " + examId, "Analysis " + examId).update();
    }

    private void insert(long user, String examId, AttemptState state, Instant finishedAt, String[] answers) {
        jdbc.sql("INSERT INTO exam_attempt (user_id, exam_id, exam_version, state, started_at, deadline, finished_at) "
                        + "VALUES (?, ?, 1, ?, '2026-10-31 00:00:00', '2026-12-31 00:00:00', ?)")
                .params(user, examId, state.name(), finishedAt == null ? null : UtcColumns.of(finishedAt)).update();
        long attempt = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        for (int position = 0; position < HAND_ITEMS.size(); position++) {
            String[] ref = HAND_ITEMS.get(position).split("@");
            Item item = banks.item(ref[0], Integer.parseInt(ref[1])).orElseThrow();
            jdbc.sql("INSERT INTO attempt_item (attempt_id, position, item_id, item_version, domain, option_order) VALUES (?,?,?,?,?,?)")
                    .params(attempt, position, item.id(), item.version(), item.domain(), optionOrder(item)).update();
            if (answers[position] != null) {
                jdbc.sql("INSERT INTO attempt_answer (attempt_id, item_id, answer, client_seq, saved_at) "
                                + "VALUES (?, ?, ?, 1, '2026-11-01 00:00:00')")
                        .params(attempt, item.id(), answers[position]).update();
            }
        }
    }

    private static String optionOrder(Item item) {
        return String.join(",", item.choices().stream().map(ItemOption::id).toList());
    }
}
