package jp.mamori.exam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import javax.sql.DataSource;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemOption;
import jp.mamori.questionbank.LocalizedText;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Item analysis of the competency test for the training administrator, the only role that may see answer keys:
 * per item version the number of responses, the proportion correct (p), the corrected item-total point-biserial
 * correlation (r), the choices per option and the flags that call for a second look. Only closed attempts count
 * (submitted or finalised). Every analysis or export that shows keys is written to the audit log.
 */
@Service
public class ItemAnalysis {

    static final double TOO_HARD_BELOW = 0.20;
    static final double TOO_EASY_ABOVE = 0.95;
    static final double LOW_DISCRIMINATION_BELOW = 0.10;

    /** Attempts are read in rows of this many: 10,000 attempts of 80 items never sit in memory at once. */
    private static final int FETCH_SIZE = 2_000;

    private final ItemBanks banks;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final Clock clock;
    private final int minResponses;

    ItemAnalysis(ItemBanks banks, AuditLog auditLog, JdbcClient jdbc, DataSource dataSource, Clock clock,
                 @Value("${mamori.item-analysis.min-responses:30}") int minResponses) {
        if (minResponses < 1) {
            throw new IllegalArgumentException("mamori.item-analysis.min-responses must be at least 1, was " + minResponses);
        }
        this.banks = banks;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
        this.clock = clock;
        this.minResponses = minResponses;
    }

    /** The exams there are, each named as in its newest version. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional(readOnly = true)
    public List<AnalysedExam> exams() {
        return jdbc.sql("SELECT d.exam_id, d.name_ja, d.name_en FROM exam_definition d WHERE d.version = "
                        + "(SELECT MAX(v.version) FROM exam_definition v WHERE v.exam_id = d.exam_id) ORDER BY d.exam_id")
                .query((rs, n) -> new AnalysedExam(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3))))
                .list();
    }

    /**
     * Analyses every version of the exam over the attempts closed in the period ({@code from} inclusive, {@code to}
     * exclusive; null leaves that end open). The answer keys it reveals are recorded in the audit log.
     */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional(readOnly = true)
    public ItemAnalysisReport analyse(String examId, Instant from, Instant to) {
        ItemAnalysisReport report = compute(examId, from, to);
        recordKeysShown(report, "item analysis");
        return report;
    }

    /**
     * The analysis as CSV, one row per item (only the flagged ones when asked), named after the exam and today's
     * date in the administrator's zone. The answer keys it carries are recorded in the audit log.
     */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional(readOnly = true)
    public CsvFile export(String examId, Instant from, Instant to, boolean flaggedOnly) {
        ItemAnalysisReport report = compute(examId, from, to);
        List<ItemStatistics> rows = flaggedOnly ? report.flaggedOnly() : report.items();
        recordKeysShown(report, "CSV export of " + rows.size() + " items");
        LocalDate today = LocalDate.ofInstant(clock.instant(), CurrentPrincipal.require().zone());
        return new CsvFile("item-analysis-" + examId + "-" + today + ".csv", ItemAnalysisCsv.write(rows));
    }

    private ItemAnalysisReport compute(String examId, Instant from, Instant to) {
        if (examId == null || examId.isBlank()) {
            throw new IllegalArgumentException("examId: an exam must be named");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("period: from " + from + " is not before to " + to);
        }
        StringBuilder where = new StringBuilder("a.exam_id = :exam AND a.state IN ('SUBMITTED', 'FINALISED')");
        Map<String, Object> params = new HashMap<>();
        params.put("exam", examId);
        if (from != null) {
            where.append(" AND a.finished_at >= :from");
            params.put("from", UtcColumns.of(from));
        }
        if (to != null) {
            where.append(" AND a.finished_at < :to");
            params.put("to", UtcColumns.of(to));
        }
        Tally tally = new Tally();
        // One pass in attempt order: each attempt's items are held until its total is known, then added to the
        // running sums, so the correlation needs no second query and no per-item query. Ordering by the attempt's
        // own key lets MariaDB walk exam_attempt in primary-key order instead of sorting every answer row.
        streaming.sql("SELECT ai.attempt_id, ai.item_id, ai.item_version, aa.answer FROM exam_attempt a "
                        + "JOIN attempt_item ai ON ai.attempt_id = a.id "
                        + "LEFT JOIN attempt_answer aa ON aa.attempt_id = ai.attempt_id AND aa.item_id = ai.item_id "
                        + "WHERE " + where + " ORDER BY a.id")
                .params(params)
                .query(rs -> {
                    tally.add(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4));
                });
        tally.endAttempt();
        List<ItemStatistics> items = tally.items.values().stream()
                .map(this::statistics)
                .sorted(Comparator.comparing(ItemStatistics::itemId).thenComparing(ItemStatistics::version))
                .toList();
        return new ItemAnalysisReport(examId, from, to, tally.attempts, minResponses, items);
    }

    private void recordKeysShown(ItemAnalysisReport report, String what) {
        if (report.items().isEmpty()) {
            return;
        }
        MamoriPrincipal admin = CurrentPrincipal.require();
        auditLog.record(AuditAction.ANSWER_KEY_VIEWED, admin.email(), "exam:" + report.examId(),
                what + " (" + report.items().size() + " items, " + report.attempts() + " closed attempts, period "
                        + (report.from() == null ? "open" : report.from()) + " to " + (report.to() == null ? "open" : report.to()) + ")");
    }

    private ItemStatistics statistics(ItemTally t) {
        Item item = t.item;
        double p = (double) t.correct / t.n;
        OptionalDouble r = t.discrimination();
        List<OptionCount> options = new ArrayList<>();
        for (ItemOption option : item.choices()) {
            options.add(new OptionCount(option.id(), option.text(), t.chosen.get(option.id()), item.key().contains(option.id())));
        }
        List<ItemFlag> flags = new ArrayList<>();
        if (t.n < minResponses) {
            flags.add(ItemFlag.FEW_RESPONSES);
        }
        if (p < TOO_HARD_BELOW) {
            flags.add(ItemFlag.TOO_HARD);
        }
        if (p > TOO_EASY_ABOVE) {
            flags.add(ItemFlag.TOO_EASY);
        }
        if (r.isPresent() && r.getAsDouble() < 0) {
            flags.add(ItemFlag.NEGATIVE_DISCRIMINATION);
        } else if (r.isPresent() && r.getAsDouble() < LOW_DISCRIMINATION_BELOW) {
            flags.add(ItemFlag.LOW_DISCRIMINATION);
        }
        if (t.n >= minResponses && options.stream().anyMatch(o -> !o.key() && o.count() == 0)) {
            flags.add(ItemFlag.UNCHOSEN_DISTRACTOR);
        }
        if (item.review()) {
            flags.add(ItemFlag.MARKED_FOR_REVIEW);
        }
        return new ItemStatistics(item.id(), item.version(), item.domain(), item.difficulty(), item.type(), item.stem(),
                t.n, t.correct, p, r, options, t.unanswered, flags);
    }

    /** The running sums over all attempts, and the items of the attempt being read. */
    private final class Tally {

        private final Map<String, ItemTally> items = new LinkedHashMap<>();
        private final List<ItemTally> current = new ArrayList<>();
        private final List<Boolean> currentCorrect = new ArrayList<>();
        private long attempt = -1;
        private int attempts;

        void add(long attemptId, String itemId, int version, String answer) {
            if (attemptId != attempt) {
                endAttempt();
                attempt = attemptId;
                attempts++;
            }
            ItemTally item = items.computeIfAbsent(itemId + "@" + version, key -> new ItemTally(banks.item(itemId, version)
                    .orElseThrow(() -> new IllegalStateException("item " + itemId + " v" + version
                            + " of attempt " + attemptId + " is no longer in the bank"))));
            Set<String> chosen = answer == null || answer.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(answer.split(",")));
            item.answered(chosen);
            current.add(item);
            currentCorrect.add(item.item.isCorrect(chosen));
        }

        void endAttempt() {
            int total = (int) currentCorrect.stream().filter(Boolean::booleanValue).count();
            for (int i = 0; i < current.size(); i++) {
                current.get(i).scored(currentCorrect.get(i), total);
            }
            current.clear();
            currentCorrect.clear();
        }
    }

    /**
     * The sums one item needs: x is the item score (0/1), T the attempt's number correct, y = T − x the rest.
     * Σy, Σy² and Σxy follow from Σx, ΣT, ΣT² and ΣxT, because x² = x.
     */
    private static final class ItemTally {

        private final Item item;
        private final Map<String, Integer> chosen = new LinkedHashMap<>();
        private int n;
        private int correct;
        private int unanswered;
        private long sumT;
        private long sumT2;
        private long sumXT;

        ItemTally(Item item) {
            this.item = item;
            item.choices().forEach(option -> chosen.put(option.id(), 0));
        }

        void answered(Set<String> answer) {
            if (answer.isEmpty()) {
                unanswered++;
            }
            answer.forEach(option -> chosen.computeIfPresent(option, (id, count) -> count + 1));
        }

        void scored(boolean right, int total) {
            int x = right ? 1 : 0;
            n++;
            correct += x;
            sumT += total;
            sumT2 += (long) total * total;
            sumXT += (long) x * total;
        }

        OptionalDouble discrimination() {
            double sumX = correct;
            double sumY = sumT - sumX;
            double sumY2 = sumT2 - 2.0 * sumXT + sumX;
            double sumXY = sumXT - sumX;
            double varianceX = n * sumX - sumX * sumX;
            double varianceY = n * sumY2 - sumY * sumY;
            if (varianceX <= 0 || varianceY <= 0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of((n * sumXY - sumX * sumY) / Math.sqrt(varianceX * varianceY));
        }
    }
}
