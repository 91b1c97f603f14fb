package jp.mamori.learning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jp.mamori.catalog.DeckCatalog;
import jp.mamori.catalog.PublishedDeck;
import jp.mamori.evidence.EvidenceEntry;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.questionbank.Item;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The check at the end of a deck: items drawn at random from the deck's pool, one result per try however often
 * it is submitted, each result recorded as evidence, and the deck completed when every slide was seen, the check
 * passed and, for the company-rules deck, the published rules acknowledged.
 */
@Service
public class Checks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Training training;
    private final DeckCatalog catalog;
    private final EvidenceLedger ledger;
    private final Completion completion;
    private final JdbcClient jdbc;
    private final Clock clock;

    Checks(Training training, DeckCatalog catalog, EvidenceLedger ledger, Completion completion,
           JdbcClient jdbc, Clock clock) {
        this.training = training;
        this.catalog = catalog;
        this.ledger = ledger;
        this.completion = completion;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The open try at this deck's check, or a new one with freshly drawn items. */
    @PreAuthorize("hasAnyRole('LEARNER', 'EXAMINER')")
    @Transactional
    public CheckAttempt start(String deckId) {
        DeckSession session = training.open(deckId);
        if (!session.allSeen()) {
            throw new NotReadyException(deckId);
        }
        long user = CurrentPrincipal.require().id();
        PublishedDeck deck = session.deck();
        Optional<CheckAttempt> open = jdbc.sql("SELECT id, items FROM check_attempt WHERE user_id = ? AND deck_id = ? "
                        + "AND fiscal_year = ? AND deck_version = ? AND submitted_at IS NULL ORDER BY id DESC LIMIT 1")
                .params(user, deckId, session.fiscalYear(), deck.version())
                .query((rs, n) -> new CheckAttempt(rs.getLong(1), deck, items(deck, rs.getString(2)))).optional();
        if (open.isPresent()) {
            return open.get();
        }
        List<Item> pool = new ArrayList<>(deck.deck().activeItems());
        Collections.shuffle(pool, RANDOM);
        List<Item> drawn = pool.subList(0, Math.min(deck.deck().checkItems(), pool.size()));
        String items = String.join(",", drawn.stream().map(item -> item.id() + "@" + item.version()).toList());
        jdbc.sql("INSERT INTO check_attempt (user_id, deck_id, deck_version, fiscal_year, items, started_at) VALUES (?,?,?,?,?,?)")
                .params(user, deckId, deck.version(), session.fiscalYear(), items, now()).update();
        long id = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        return new CheckAttempt(id, deck, drawn);
    }

    /**
     * Scores a try and records it. Submitting the same try again (double click, second tab) changes nothing and
     * returns the result recorded the first time.
     */
    @PreAuthorize("hasAnyRole('LEARNER', 'EXAMINER')")
    @Transactional
    public CheckResult submit(long attemptId, Map<String, Set<String>> answers) {
        MamoriPrincipal learner = CurrentPrincipal.require();
        // A locking read: a second submission of the same try waits here and then sees the first one's result.
        Attempt attempt = attempt(attemptId, learner.id(), " FOR UPDATE");
        if (attempt.submitted()) {
            return result(attemptId, learner.id());
        }
        PublishedDeck deck = catalog.version(attempt.deckId(), attempt.version()).orElseThrow();
        List<Item> items = items(deck, attempt.items());
        for (Item item : items) {
            if (answers.getOrDefault(item.id(), Set.of()).isEmpty()) {
                throw new IllegalArgumentException("item " + item.id() + " has no answer");
            }
        }
        jdbc.sql("UPDATE check_attempt SET submitted_at = ?, answers = ?, score = ?, passed = ? "
                        + "WHERE id = ? AND user_id = ? AND submitted_at IS NULL")
                .params(now(), encode(items, answers), score(items, answers), passed(deck, items, answers), attemptId, learner.id())
                .update();
        CheckResult result = result(attemptId, learner.id());
        ledger.append(new EvidenceEntry("CHECK_RESULT", learner.id(), learner.email(), learner.email(),
                DeckCatalog.evidenceRef(deck.id()), String.valueOf(deck.version()), result.passed() ? "PASSED" : "FAILED", result.score(),
                Map.of("attempt", attemptId, "items", attempt.items(), "passMark", deck.deck().passMark()), null));
        if (result.passed() && completion.tryComplete(deck, attempt.fiscalYear(), learner)) {
            return new CheckResult(result.attemptId(), result.score(), result.passMark(), true, true, result.answers());
        }
        return result;
    }

    /** The recorded result of a submitted try. */
    private CheckResult result(long attemptId, long user) {
        Attempt attempt = attempt(attemptId, user, "");
        PublishedDeck deck = catalog.version(attempt.deckId(), attempt.version()).orElseThrow();
        Map<String, Set<String>> answers = decode(attempt.answers());
        List<CheckResult.Answered> answered = items(deck, attempt.items()).stream()
                .map(item -> new CheckResult.Answered(item, answers.getOrDefault(item.id(), Set.of()),
                        item.isCorrect(answers.getOrDefault(item.id(), Set.of()))))
                .toList();
        boolean completed = jdbc.sql("SELECT completed_at IS NOT NULL FROM deck_progress WHERE user_id = ? AND deck_id = ? "
                        + "AND fiscal_year = ?")
                .params(user, attempt.deckId(), attempt.fiscalYear()).query(Boolean.class).optional().orElse(false);
        return new CheckResult(attemptId, attempt.score(), deck.deck().passMark(), attempt.passed(), completed, answered);
    }

    private Attempt attempt(long attemptId, long user, String lock) {
        return jdbc.sql("SELECT deck_id, deck_version, fiscal_year, items, answers, score, passed, submitted_at IS NOT NULL "
                        + "FROM check_attempt WHERE id = ? AND user_id = ?" + lock)
                .params(attemptId, user)
                .query((rs, n) -> new Attempt(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getBoolean(7), rs.getBoolean(8)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no check attempt " + attemptId + " of this learner"));
    }

    private static List<Item> items(PublishedDeck deck, String drawn) {
        Map<String, Item> byKey = new LinkedHashMap<>();
        deck.deck().items().forEach(item -> byKey.put(item.id() + "@" + item.version(), item));
        return java.util.Arrays.stream(drawn.split(",")).map(byKey::get).toList();
    }

    private static BigDecimal score(List<Item> items, Map<String, Set<String>> answers) {
        long right = items.stream().filter(item -> item.isCorrect(answers.getOrDefault(item.id(), Set.of()))).count();
        return BigDecimal.valueOf(right * 100).divide(BigDecimal.valueOf(items.size()), 2, RoundingMode.HALF_UP);
    }

    private static boolean passed(PublishedDeck deck, List<Item> items, Map<String, Set<String>> answers) {
        return score(items, answers).compareTo(BigDecimal.valueOf(deck.deck().passMark())) >= 0;
    }

    /** Answers stored as {@code item=a|b;item2=true}, items in the order drawn. */
    static String encode(List<Item> items, Map<String, Set<String>> answers) {
        List<String> parts = new ArrayList<>();
        for (Item item : items) {
            parts.add(item.id() + "=" + String.join("|", new TreeSet<>(answers.getOrDefault(item.id(), Set.of()))));
        }
        return String.join(";", parts);
    }

    static Map<String, Set<String>> decode(String answers) {
        Map<String, Set<String>> decoded = new LinkedHashMap<>();
        if (answers == null || answers.isBlank()) {
            return decoded;
        }
        for (String part : answers.split(";")) {
            String[] pair = part.split("=", 2);
            decoded.put(pair[0], pair.length < 2 || pair[1].isEmpty() ? Set.of() : Set.of(pair[1].split("\\|")));
        }
        return decoded;
    }

    private LocalDateTime now() {
        return UtcColumns.of(clock.instant());
    }

    private record Attempt(String deckId, int version, int fiscalYear, String items, String answers, BigDecimal score, boolean passed,
                           boolean submitted) {
    }
}
