package jp.mamori.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.mamori.catalog.DeckCatalog;
import jp.mamori.catalog.PublishedDeck;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.ui.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learner's annual programme and their place in each deck. Every LEARNER is assigned the employee decks,
 * due at the end of the Japanese fiscal year (31 March), until the assignments module sets plans per person.
 * A learner keeps the deck version they started until they finish it.
 */
@Service
public class Training {

    private static final MonthDay FISCAL_YEAR_END = MonthDay.of(3, 31);
    /** The order the employee decks are meant to be taken in (CONTENT.md); decks not listed follow by id. */
    private static final List<String> ORDER = List.of("why-pi-matters", "incident-trends", "our-rules",
            "when-incidents-happen", "pms-and-you");

    private final DeckCatalog catalog;
    private final Completion completion;
    private final JdbcClient jdbc;
    private final Clock clock;

    Training(DeckCatalog catalog, Completion completion, JdbcClient jdbc, Clock clock) {
        this.catalog = catalog;
        this.completion = completion;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('LEARNER')")
    @Transactional(readOnly = true)
    public List<TrainingEntry> programme() {
        long user = CurrentPrincipal.require().id();
        LocalDate due = due();
        return catalog.latest("employee").stream().sorted(Comparator.comparingInt(Training::position)).map(latest -> {
            Optional<Progress> progress = progress(user, latest.id());
            PublishedDeck deck = progress.flatMap(p -> catalog.version(p.deckId(), p.version())).orElse(latest);
            TrainingStatus status = progress.map(p -> status(p, deck, user)).orElse(TrainingStatus.NOT_STARTED);
            return new TrainingEntry(deck.id(), deck.version(), deck.deck().title(), deck.deck().summary(),
                    deck.deck().estimatedMinutes(), status, progress.map(p -> p.seen().size()).orElse(0),
                    deck.deck().slides().size(), due);
        }).toList();
    }

    /** Opens a deck of the programme where the learner left it (the first slide the first time). */
    @PreAuthorize("hasRole('LEARNER')")
    @Transactional
    public DeckSession open(String deckId) {
        long user = CurrentPrincipal.require().id();
        PublishedDeck latest = catalog.latestVersion(deckId)
                .filter(deck -> deck.deck().audience().equals("employee"))
                .orElseThrow(() -> new NotAssignedException(deckId));
        Optional<Progress> progress = progress(user, deckId);
        if (progress.isEmpty()) {
            LocalDateTime now = now();
            jdbc.sql("INSERT IGNORE INTO deck_progress (user_id, deck_id, deck_version, current_slide, seen_slides, "
                            + "started_at, updated_at) VALUES (?,?,?,0,'',?,?)")
                    .params(user, deckId, latest.version(), now, now).update();
            progress = progress(user, deckId);
        }
        Progress p = progress.orElseThrow();
        PublishedDeck deck = catalog.version(deckId, p.version()).orElseThrow(() -> new NotAssignedException(deckId));
        return new DeckSession(deck, p.currentSlide(), p.seen());
    }

    /** Records that the learner now sees slide {@code index} (0-based) of the deck they opened. */
    @PreAuthorize("hasRole('LEARNER')")
    @Transactional
    public DeckSession show(String deckId, int index) {
        long user = CurrentPrincipal.require().id();
        Progress p = progress(user, deckId).orElseThrow(() -> new NotAssignedException(deckId));
        PublishedDeck deck = catalog.version(deckId, p.version()).orElseThrow(() -> new NotAssignedException(deckId));
        int slides = deck.deck().slides().size();
        if (index < 0 || index >= slides) {
            throw new IllegalArgumentException("slide " + index + " is outside 0.." + (slides - 1));
        }
        Set<Integer> seen = new HashSet<>(p.seen());
        seen.add(index);
        jdbc.sql("UPDATE deck_progress SET current_slide = ?, seen_slides = ?, updated_at = ? WHERE user_id = ? AND deck_id = ?")
                .params(index, encode(seen), now(), user, deckId).update();
        return new DeckSession(deck, index, seen);
    }

    private Optional<Progress> progress(long user, String deckId) {
        return jdbc.sql("SELECT deck_id, deck_version, current_slide, seen_slides, completed_at FROM deck_progress "
                        + "WHERE user_id = ? AND deck_id = ?")
                .params(user, deckId)
                .query((rs, n) -> new Progress(rs.getString(1), rs.getInt(2), rs.getInt(3), decode(rs.getString(4)),
                        rs.getObject(5) != null))
                .optional();
    }

    private TrainingStatus status(Progress progress, PublishedDeck deck, long user) {
        if (!progress.completed()) {
            return TrainingStatus.IN_PROGRESS;
        }
        return deck.deck().isTemplate() && !completion.rulesSatisfied(user) ? TrainingStatus.ACKNOWLEDGE_AGAIN : TrainingStatus.DONE;
    }

    private static int position(PublishedDeck deck) {
        int index = ORDER.indexOf(deck.id());
        return index < 0 ? ORDER.size() : index;
    }

    private LocalDate due() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.DEFAULT_ZONE);
        LocalDate end = FISCAL_YEAR_END.atYear(today.getYear());
        return today.isAfter(end) ? end.plusYears(1) : end;
    }

    private LocalDateTime now() {
        return UtcColumns.of(clock.instant());
    }

    /** Slides seen, stored as comma-separated indexes. */
    static String encode(Set<Integer> seen) {
        return String.join(",", seen.stream().sorted().map(String::valueOf).toList());
    }

    static Set<Integer> decode(String seen) {
        Set<Integer> result = new HashSet<>();
        for (String part : seen.split(",")) {
            if (!part.isBlank()) {
                result.add(Integer.parseInt(part.strip()));
            }
        }
        return result;
    }

    private record Progress(String deckId, int version, int currentSlide, Set<Integer> seen, boolean completed) {
    }
}
