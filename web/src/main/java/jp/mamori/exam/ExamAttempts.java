package jp.mamori.exam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.evidence.EvidenceEntry;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.questionbank.FormAssembler;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemOption;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exam attempts kept entirely in the database (DESIGN.md §3): the server fixes items, their order, option order and
 * the deadline at the start; every answer is saved at once, keyed by attempt and item, and a write with an older
 * client sequence number never overwrites a newer one. After a crash or restart the candidate resumes with the same
 * answers and deadline. Nothing that reveals a key or a score leaves before the attempt is closed.
 */
@Service
public class ExamAttempts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ItemBanks banks;
    private final ExamDefinitions definitions;
    private final StartRules rules;
    private final EvidenceLedger ledger;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AnswerSaveGate gate;
    private final TransactionTemplate transaction;
    private final FairQueue starts;
    private final TransactionTemplate readCommitted;

    ExamAttempts(ItemBanks banks, ExamDefinitions definitions, StartRules rules, EvidenceLedger ledger, AuditLog auditLog,
                 JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, AnswerSaveGate gate,
                 TransactionTemplate transaction,
                 @Value("${mamori.exam.concurrent-starts:4}") int concurrentStarts,
                 @Value("${mamori.exam.start-queue-timeout:PT60S}") Duration startQueueTimeout) {
        this.banks = banks;
        this.definitions = definitions;
        this.rules = rules;
        this.ledger = ledger;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.gate = gate;
        this.transaction = transaction;
        this.starts = new FairQueue(concurrentStarts, startQueueTimeout, TransientDataAccessResourceException::new);
        // Read committed: a search for an attempt that does not exist yet takes no gap lock (see start).
        this.readCommitted = new TransactionTemplate(transaction.getTransactionManager());
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Starts an attempt at the newest version of the exam, or returns the candidate's open one (resume). A new attempt
     * is refused (the message is a translation key) when no attempts are left, the wait since the last one is not
     * over, or the exam has windows and none the candidate booked is open.
     */
    @PreAuthorize("hasRole('CANDIDATE')")
    public AttemptView start(String examId) {
        long user = CurrentPrincipal.require().id();
        // Queued before the transaction: when a whole room opens the exam at once, the waiting starts hold no
        // database connection, and saves and logins keep theirs (load benchmark).
        return starts.through(() -> readCommitted.execute(status -> start(user, examId)), "start an exam");
    }

    private AttemptView start(long user, String examId) {
        ExamDefinition exam = definitions.newest(examId).orElseThrow(() -> new StartRefusedException("exam.refused.unknown"));
        // One start at a time per candidate (two tabs opened together get the same attempt), by the lock on their own
        // account row. In read committed, a search for an attempt that does not exist yet takes no gap lock, so
        // candidates who all open the exam at the same moment do not deadlock on the gaps of the attempt index.
        jdbc.sql("SELECT id FROM app_user WHERE id = ? FOR UPDATE").param(user).query(Long.class).single();
        Optional<Long> open = jdbc.sql("SELECT id FROM exam_attempt WHERE user_id = ? AND exam_id = ? AND state = 'IN_PROGRESS' "
                        + "ORDER BY id DESC LIMIT 1")
                .params(user, examId).query(Long.class).optional();
        if (open.isPresent()) {
            return view(open.get(), user);
        }
        Instant now = clock.instant();
        StartRules.Decision decision = rules.decide(user, exam, now);
        if (!decision.allowed()) {
            throw new StartRefusedException(decision.reasonKey(), decision.params().toArray());
        }
        List<Item> form = FormAssembler.assemble(banks.bank(exam.bank()), exam.form(), RANDOM);
        jdbc.sql("INSERT INTO exam_attempt (user_id, exam_id, exam_version, state, started_at, deadline, window_id, extra_minutes) "
                        + "VALUES (?,?,?,?,?,?,?,?)")
                .params(user, examId, exam.version(), AttemptState.IN_PROGRESS.name(), UtcColumns.of(now),
                        UtcColumns.of(decision.deadline(now, exam.timeLimit())), decision.windowId(), decision.extraMinutes())
                .update();
        long attempt = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        // The whole form in one statement: sixty round trips per start held a connection too long when a room of
        // candidates started together (load benchmark).
        List<Object> rows = new ArrayList<>();
        for (int position = 0; position < form.size(); position++) {
            Item item = form.get(position);
            List<String> order = new ArrayList<>(item.choices().stream().map(ItemOption::id).toList());
            if (item.choices().size() > 2) {
                Collections.shuffle(order, RANDOM);
            }
            rows.addAll(List.of(attempt, position, item.id(), item.version(), item.domain(), String.join(",", order)));
        }
        jdbc.sql("INSERT INTO attempt_item (attempt_id, position, item_id, item_version, domain, option_order) VALUES "
                        + String.join(",", Collections.nCopies(form.size(), "(?,?,?,?,?,?)")))
                .params(rows).update();
        return view(attempt, user);
    }

    /** The candidate's own attempt as their page shows it. */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional(readOnly = true)
    public AttemptView view(long attemptId) {
        return view(attemptId, CurrentPrincipal.require().id());
    }

    /**
     * Saves one answer. Idempotent: the same write again changes nothing; an older write (lower sequence number)
     * than the one stored is ignored. Refused, and logged, after the deadline, for an item outside the attempt,
     * for an unknown option, or on someone else's attempt. Returns the answer stored now.
     */
    @PreAuthorize("hasRole('CANDIDATE')")
    public AttemptView.Saved save(long attemptId, String itemId, Set<String> answer, long clientSeq) {
        MamoriPrincipal candidate = CurrentPrincipal.require();
        // The queue comes before the transaction, so a waiting save holds no connection.
        return gate.through(() -> transaction.execute(status -> store(candidate, attemptId, itemId, answer, clientSeq)));
    }

    private AttemptView.Saved store(MamoriPrincipal candidate, long attemptId, String itemId, Set<String> answer, long clientSeq) {
        Open attempt = lockShared(attemptId, candidate);
        if (attempt.state() != AttemptState.IN_PROGRESS || !clock.instant().isBefore(attempt.deadline())) {
            throw refuse(candidate, attemptId, "answer after the attempt closed (deadline " + attempt.deadline() + ")");
        }
        Optional<List<String>> options = jdbc.sql("SELECT option_order FROM attempt_item WHERE attempt_id = ? AND item_id = ?")
                .params(attemptId, itemId).query((rs, n) -> Arrays.asList(rs.getString(1).split(","))).optional();
        if (options.isEmpty()) {
            throw refuse(candidate, attemptId, "answer for item " + itemId + ", which is not in the attempt");
        }
        if (!options.get().containsAll(answer)) {
            throw refuse(candidate, attemptId, "answer " + answer + " names options item " + itemId + " does not have");
        }
        jdbc.sql("INSERT INTO attempt_answer (attempt_id, item_id, answer, client_seq, saved_at) VALUES (?,?,?,?,?) "
                        + "ON DUPLICATE KEY UPDATE answer = IF(VALUES(client_seq) > client_seq, VALUES(answer), answer), "
                        + "saved_at = IF(VALUES(client_seq) > client_seq, VALUES(saved_at), saved_at), "
                        + "client_seq = GREATEST(client_seq, VALUES(client_seq))")
                .params(attemptId, itemId, String.join(",", new TreeSet<>(answer)), clientSeq, UtcColumns.of(clock.instant()))
                .update();
        return jdbc.sql("SELECT answer, client_seq FROM attempt_answer WHERE attempt_id = ? AND item_id = ?")
                .params(attemptId, itemId)
                .query((rs, n) -> new AttemptView.Saved(rs.getString(1).isEmpty() ? Set.of() : Set.of(rs.getString(1).split(",")),
                        rs.getLong(2)))
                .single();
    }

    /** Marks an item for review, or clears the mark; kept with the attempt, so a reload or another tab shows it. */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional
    public void flag(long attemptId, String itemId, boolean flagged) {
        MamoriPrincipal candidate = CurrentPrincipal.require();
        Open attempt = lockShared(attemptId, candidate);
        if (attempt.state() != AttemptState.IN_PROGRESS || !clock.instant().isBefore(attempt.deadline())) {
            throw refuse(candidate, attemptId, "flag after the attempt closed (deadline " + attempt.deadline() + ")");
        }
        boolean asked = jdbc.sql("SELECT COUNT(*) FROM attempt_item WHERE attempt_id = ? AND item_id = ?").params(attemptId, itemId)
                .query(Long.class).single() > 0;
        if (!asked) {
            throw refuse(candidate, attemptId, "flag for item " + itemId + ", which is not in the attempt");
        }
        jdbc.sql("UPDATE attempt_item SET flagged = ? WHERE attempt_id = ? AND item_id = ?").params(flagged, attemptId, itemId).update();
    }

    /**
     * The closed attempt question by question with keys and rationale, when the exam definition shows them after the
     * exam; empty when it does not. Refused while the attempt is open.
     */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional(readOnly = true)
    public Optional<AttemptReview> review(long attemptId) {
        long user = CurrentPrincipal.require().id();
        Open attempt = attempt(attemptId, "").filter(a -> a.userId() == user)
                .orElseThrow(() -> new ExamRefusedException("no attempt " + attemptId + " of this candidate"));
        if (attempt.state() == AttemptState.IN_PROGRESS) {
            throw new ExamRefusedException("the attempt is still open");
        }
        if (!definitions.version(attempt.examId(), attempt.examVersion()).showRationale()) {
            return Optional.empty();
        }
        Map<String, AttemptView.Saved> answers = saved(attemptId);
        List<AttemptReview.Question> questions = new ArrayList<>();
        for (AttemptItem asked : attemptItems(attemptId)) {
            Item item = banks.item(asked.itemId(), asked.itemVersion()).orElseThrow();
            Set<String> chosen = answers.containsKey(item.id()) ? answers.get(item.id()).answer() : Set.of();
            Map<String, ItemOption> byId = new LinkedHashMap<>();
            item.choices().forEach(option -> byId.put(option.id(), option));
            List<AttemptReview.Choice> choices = asked.order().stream().map(byId::get)
                    .map(option -> new AttemptReview.Choice(option.id(), option.text(), item.key().contains(option.id()),
                            chosen.contains(option.id()), option.why()))
                    .toList();
            questions.add(new AttemptReview.Question(asked.position(), item.type(), item.stem(), choices, item.isCorrect(chosen),
                    item.rationale(), item.reference()));
        }
        return Optional.of(new AttemptReview(questions));
    }

    /** The candidate closes the attempt; it is scored at once and the result recorded as evidence. */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional
    public ExamResult submit(long attemptId) {
        MamoriPrincipal candidate = CurrentPrincipal.require();
        Open attempt = lockForUpdate(attemptId).filter(a -> a.userId() == candidate.id())
                .orElseThrow(() -> refuse(candidate, attemptId, "submit of an attempt that is not theirs"));
        if (attempt.state() != AttemptState.IN_PROGRESS) {
            return result(attemptId);
        }
        ExamDefinition exam = definitions.version(attempt.examId(), attempt.examVersion());
        Instant now = clock.instant();
        Instant lastAccepted = attempt.deadline().plus(exam.overduePolicy() == OverduePolicy.GRACE ? exam.grace() : Duration.ZERO);
        if (now.isAfter(lastAccepted)) {
            return close(attempt, exam, candidate.email());
        }
        return score(attempt, exam, AttemptState.SUBMITTED, now, candidate.email());
    }

    /** The result of a closed attempt; only its candidate reads it here. */
    @PreAuthorize("hasRole('CANDIDATE')")
    @Transactional(readOnly = true)
    public ExamResult result(long attemptId) {
        long user = CurrentPrincipal.require().id();
        Open attempt = attempt(attemptId, "").filter(a -> a.userId() == user)
                .orElseThrow(() -> new ExamRefusedException("no attempt " + attemptId + " of this candidate"));
        if (attempt.state() == AttemptState.IN_PROGRESS) {
            throw new ExamRefusedException("the attempt is still open");
        }
        return storedResult(attempt);
    }

    /** Closes an attempt whose time is up, with the answers saved before its deadline. Run by the finaliser. */
    @Transactional
    void finaliseIfOverdue(long attemptId) {
        Optional<Open> attempt = lockForUpdate(attemptId);
        if (attempt.isEmpty() || attempt.get().state() != AttemptState.IN_PROGRESS) {
            return;
        }
        ExamDefinition exam = definitions.version(attempt.get().examId(), attempt.get().examVersion());
        Instant closesAt = attempt.get().deadline().plus(exam.overduePolicy() == OverduePolicy.GRACE ? exam.grace() : Duration.ZERO);
        if (clock.instant().isAfter(closesAt)) {
            close(attempt.get(), exam, "system");
        }
    }

    /** Attempts still open past their deadline (the finaliser checks each one's policy). */
    List<Long> overdue() {
        return jdbc.sql("SELECT id FROM exam_attempt WHERE state = 'IN_PROGRESS' AND deadline < ? ORDER BY deadline")
                .param(UtcColumns.of(clock.instant())).query(Long.class).list();
    }

    private ExamResult close(Open attempt, ExamDefinition exam, String actor) {
        if (exam.overduePolicy() == OverduePolicy.ABANDON) {
            jdbc.sql("UPDATE exam_attempt SET state = 'ABANDONED', finished_at = ? WHERE id = ?")
                    .params(UtcColumns.of(attempt.deadline()), attempt.id()).update();
            ledger.append(new EvidenceEntry("EXAM_ABANDONED", attempt.userId(), candidateEmail(attempt.userId()), actor,
                    "exam:" + exam.examId(), String.valueOf(exam.version()), "ABANDONED", null, Map.of("attempt", attempt.id()), null));
            return storedResult(attempt(attempt.id(), "").orElseThrow());
        }
        // The attempt records its deadline as its finish time: answers saved later were refused anyway.
        return score(attempt, exam, AttemptState.FINALISED, attempt.deadline(), actor);
    }

    private ExamResult score(Open attempt, ExamDefinition exam, AttemptState state, Instant finishedAt, String actor) {
        Map<String, AttemptView.Saved> answers = saved(attempt.id());
        Map<String, int[]> domains = new LinkedHashMap<>();
        int correct = 0;
        List<AttemptItem> items = attemptItems(attempt.id());
        for (AttemptItem asked : items) {
            Item item = banks.item(asked.itemId(), asked.itemVersion())
                    .orElseThrow(() -> new IllegalStateException("item " + asked.itemId() + " v" + asked.itemVersion() + " is no longer in the bank"));
            AttemptView.Saved saved = answers.get(asked.itemId());
            boolean right = saved != null && item.isCorrect(saved.answer());
            int[] domain = domains.computeIfAbsent(asked.domain(), d -> new int[2]);
            domain[1]++;
            if (right) {
                domain[0]++;
                correct++;
            }
        }
        BigDecimal score = BigDecimal.valueOf(correct * 100L).divide(BigDecimal.valueOf(Math.max(1, items.size())), 2, RoundingMode.HALF_UP);
        boolean passed = score.compareTo(BigDecimal.valueOf(exam.passMark())) >= 0;
        jdbc.sql("UPDATE exam_attempt SET state = ?, finished_at = ?, score = ?, passed = ? WHERE id = ?")
                .params(state.name(), UtcColumns.of(finishedAt), score, passed, attempt.id()).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attempt", attempt.id());
        details.put("closedBy", state.name());
        Map<String, Object> perDomain = new LinkedHashMap<>();
        domains.forEach((domain, counts) -> {
            jdbc.sql("INSERT INTO attempt_domain_score (attempt_id, domain, correct, total) VALUES (?,?,?,?)")
                    .params(attempt.id(), domain, counts[0], counts[1]).update();
            perDomain.put(domain, counts[0] + "/" + counts[1]);
        });
        details.put("domains", perDomain);
        ledger.append(new EvidenceEntry("EXAM_RESULT", attempt.userId(), candidateEmail(attempt.userId()), actor,
                "exam:" + exam.examId(), String.valueOf(exam.version()), passed ? "PASSED" : "FAILED", score, details, null));
        if (passed) {
            // Listeners run in this transaction: a pass is never stored without what they record for it.
            events.publishEvent(new ExamPassed(attempt.id(), attempt.userId(), exam.examId(), exam.version(), exam.nameJa(),
                    exam.nameEn(), score, finishedAt));
        }
        return storedResult(attempt(attempt.id(), "").orElseThrow());
    }

    private ExamResult storedResult(Open attempt) {
        ExamDefinition exam = definitions.version(attempt.examId(), attempt.examVersion());
        Map<String, ExamResult.DomainScore> domains = new LinkedHashMap<>();
        jdbc.sql("SELECT domain, correct, total FROM attempt_domain_score WHERE attempt_id = ? ORDER BY domain")
                .param(attempt.id())
                .query(rs -> {
                    domains.put(rs.getString(1), new ExamResult.DomainScore(rs.getInt(2), rs.getInt(3)));
                });
        return new ExamResult(attempt.id(), attempt.state(), attempt.score(), attempt.passed(), exam.passMark(), domains);
    }

    private AttemptView view(long attemptId, long user) {
        Open attempt = attempt(attemptId, "").filter(a -> a.userId() == user)
                .orElseThrow(() -> new ExamRefusedException("no attempt " + attemptId + " of this candidate"));
        ExamDefinition exam = definitions.version(attempt.examId(), attempt.examVersion());
        List<AttemptView.Question> questions = new ArrayList<>();
        Set<String> flagged = new TreeSet<>();
        for (AttemptItem asked : attemptItems(attemptId)) {
            Item item = banks.item(asked.itemId(), asked.itemVersion()).orElseThrow();
            Map<String, ItemOption> byId = new LinkedHashMap<>();
            item.choices().forEach(option -> byId.put(option.id(), option));
            List<AttemptView.Choice> choices = asked.order().stream()
                    .map(id -> new AttemptView.Choice(id, byId.get(id).text())).toList();
            questions.add(new AttemptView.Question(asked.position(), item.id(), item.type(), item.stem(), choices));
            if (asked.flagged()) {
                flagged.add(item.id());
            }
        }
        return new AttemptView(attemptId, exam.nameJa(), exam.nameEn(), attempt.state(), attempt.deadline(), questions,
                saved(attemptId), flagged);
    }

    private Map<String, AttemptView.Saved> saved(long attemptId) {
        Map<String, AttemptView.Saved> saved = new LinkedHashMap<>();
        jdbc.sql("SELECT item_id, answer, client_seq FROM attempt_answer WHERE attempt_id = ?").param(attemptId)
                .query(rs -> {
                    String answer = rs.getString(2);
                    saved.put(rs.getString(1), new AttemptView.Saved(
                            answer.isEmpty() ? Set.of() : Set.of(answer.split(",")), rs.getLong(3)));
                });
        return saved;
    }

    private List<AttemptItem> attemptItems(long attemptId) {
        return jdbc.sql("SELECT position, item_id, item_version, domain, option_order, flagged FROM attempt_item WHERE attempt_id = ? ORDER BY position")
                .param(attemptId)
                .query((rs, n) -> new AttemptItem(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        Arrays.asList(rs.getString(5).split(",")), rs.getBoolean(6)))
                .list();
    }

    private Open lockShared(long attemptId, MamoriPrincipal candidate) {
        return attempt(attemptId, " LOCK IN SHARE MODE").filter(a -> a.userId() == candidate.id())
                .orElseThrow(() -> refuse(candidate, attemptId, "answer on an attempt that is not theirs"));
    }

    private Optional<Open> lockForUpdate(long attemptId) {
        return attempt(attemptId, " FOR UPDATE");
    }

    private Optional<Open> attempt(long attemptId, String lock) {
        return jdbc.sql("SELECT id, user_id, exam_id, exam_version, state, deadline, score, passed FROM exam_attempt WHERE id = ?" + lock)
                .param(attemptId)
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        AttemptState.valueOf(rs.getString(5)), UtcColumns.instant(rs.getObject(6, LocalDateTime.class)),
                        rs.getBigDecimal(7), rs.getBoolean(8)))
                .optional();
    }

    private String candidateEmail(long userId) {
        return jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(userId).query(String.class).single();
    }

    private ExamRefusedException refuse(MamoriPrincipal who, long attemptId, String why) {
        auditLog.record(AuditAction.EXAM_REQUEST_REFUSED, who.email(), "attempt " + attemptId, why);
        return new ExamRefusedException(why);
    }


    private record Open(long id, long userId, String examId, int examVersion, AttemptState state, Instant deadline,
                        BigDecimal score, boolean passed) {
    }

    private record AttemptItem(int position, String itemId, int itemVersion, String domain, List<String> order, boolean flagged) {
    }
}
