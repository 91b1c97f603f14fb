package jp.mamori.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.mamori.catalog.DeckCatalog;
import jp.mamori.catalog.PublishedDeck;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's yearly programme and their place in each deck: every LEARNER takes the employee decks, every EXAMINER
 * the examiner curriculum, each fiscal year afresh. A deck is due on the date the approved education plan gives, else
 * on the last day of the fiscal year. A person keeps the deck version they started until they finish it.
 */
@Service
public class Training {

    /** The order decks are meant to be taken in (CONTENT.md); decks not listed follow by id. */
    private static final List<String> ORDER = List.of("why-pi-matters", "incident-trends", "our-rules",
            "when-incidents-happen", "pms-and-you", "examiner-2023-leak", "examiner-devices-and-data",
            "examiner-handling-review-documents", "examiner-threats-today", "examiner-jisq15001-2023");

    private final DeckCatalog catalog;
    private final Completion completion;
    private final FiscalYears fiscalYears;
    private final ObjectProvider<AssignedDueDates> assignedDueDates;
    private final JdbcClient jdbc;
    private final Clock clock;

    Training(DeckCatalog catalog, Completion completion, FiscalYears fiscalYears,
             ObjectProvider<AssignedDueDates> assignedDueDates, JdbcClient jdbc, Clock clock) {
        this.catalog = catalog;
        this.completion = completion;
        this.fiscalYears = fiscalYears;
        this.assignedDueDates = assignedDueDates;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** This fiscal year's programme of the signed-in person for one audience, in the order it is meant to be taken. */
    @PreAuthorize("hasRole(#audience.roleName())")
    @Transactional(readOnly = true)
    public List<TrainingEntry> programme(Audience audience) {
        long user = CurrentPrincipal.require().id();
        int year = currentYear();
        return decks(audience).stream().map(latest -> {
            Optional<Progress> progress = progress(user, latest.id(), year);
            PublishedDeck deck = progress.flatMap(p -> catalog.version(p.deckId(), p.version())).orElse(latest);
            TrainingStatus status = progress.map(p -> status(p, deck, user)).orElse(TrainingStatus.NOT_STARTED);
            return new TrainingEntry(deck.id(), deck.version(), deck.deck().title(), deck.deck().summary(),
                    deck.deck().estimatedMinutes(), status, progress.map(p -> p.seen().size()).orElse(0),
                    deck.deck().slides().size(), due(user, deck.id(), year));
        }).toList();
    }

    /** The newest published decks of an audience in curriculum order. */
    List<PublishedDeck> decks(Audience audience) {
        return catalog.latest(audience.id()).stream().sorted(Comparator.comparingInt(Training::position)).toList();
    }

    /** Opens a deck of the person's programme where they left it this year (the first slide the first time). */
    @PreAuthorize("hasAnyRole('LEARNER', 'EXAMINER')")
    @Transactional
    public DeckSession open(String deckId) {
        MamoriPrincipal person = CurrentPrincipal.require();
        PublishedDeck latest = catalog.latestVersion(deckId)
                .filter(deck -> Audience.takes(person, deck.deck().audience()))
                .orElseThrow(() -> new NotAssignedException(deckId));
        int year = currentYear();
        Optional<Progress> progress = progress(person.id(), deckId, year);
        if (progress.isEmpty()) {
            LocalDateTime now = now();
            jdbc.sql("INSERT IGNORE INTO deck_progress (user_id, deck_id, fiscal_year, deck_version, current_slide, "
                            + "seen_slides, started_at, updated_at) VALUES (?,?,?,?,0,'',?,?)")
                    .params(person.id(), deckId, year, latest.version(), now, now).update();
            progress = progress(person.id(), deckId, year);
        }
        Progress p = progress.orElseThrow();
        PublishedDeck deck = catalog.version(deckId, p.version()).orElseThrow(() -> new NotAssignedException(deckId));
        return new DeckSession(deck, year, p.currentSlide(), p.seen());
    }

    /** Records that the person now sees slide {@code index} (0-based) of the deck they opened this year. */
    @PreAuthorize("hasAnyRole('LEARNER', 'EXAMINER')")
    @Transactional
    public DeckSession show(String deckId, int index) {
        long user = CurrentPrincipal.require().id();
        int year = currentYear();
        Progress p = progress(user, deckId, year).orElseThrow(() -> new NotAssignedException(deckId));
        PublishedDeck deck = catalog.version(deckId, p.version()).orElseThrow(() -> new NotAssignedException(deckId));
        int slides = deck.deck().slides().size();
        if (index < 0 || index >= slides) {
            throw new IllegalArgumentException("slide " + index + " is outside 0.." + (slides - 1));
        }
        Set<Integer> seen = new HashSet<>(p.seen());
        seen.add(index);
        jdbc.sql("UPDATE deck_progress SET current_slide = ?, seen_slides = ?, updated_at = ? "
                        + "WHERE user_id = ? AND deck_id = ? AND fiscal_year = ?")
                .params(index, encode(seen), now(), user, deckId, year).update();
        return new DeckSession(deck, year, index, seen);
    }

    int currentYear() {
        return fiscalYears.of(clock.instant());
    }

    private Optional<Progress> progress(long user, String deckId, int year) {
        return jdbc.sql("SELECT deck_id, deck_version, current_slide, seen_slides, completed_at FROM deck_progress "
                        + "WHERE user_id = ? AND deck_id = ? AND fiscal_year = ?")
                .params(user, deckId, year)
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

    private LocalDate due(long user, String deckId, int year) {
        return assignedDueDates.orderedStream().map(dates -> dates.due(user, deckId, year)).flatMap(Optional::stream)
                .findFirst().orElseGet(() -> fiscalYears.lastDay(year));
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
