package jp.mamori.learning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.mamori.catalog.CompanyRules;
import jp.mamori.catalog.DeckCatalog;
import jp.mamori.catalog.PublishedDeck;
import jp.mamori.evidence.EvidenceEntry;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides when a deck is complete: every slide seen, the check passed on that version and, for the company-rules
 * deck, the rules acknowledged at or after the version everyone must have acknowledged, all within one fiscal year.
 * Records it once as evidence and publishes {@link DeckCompleted}.
 * Internal to the learning module; its callers check who may act.
 */
@Component
class Completion {

    private final DeckCatalog catalog;
    private final CompanyRules rules;
    private final EvidenceLedger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Completion(DeckCatalog catalog, CompanyRules rules, EvidenceLedger ledger, JdbcClient jdbc, Clock clock,
               ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.rules = rules;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Marks the deck complete for the fiscal year if everything is done; true when it is (now or before). */
    boolean tryComplete(PublishedDeck deck, int year, MamoriPrincipal learner) {
        Optional<Progress> progress = jdbc.sql("SELECT seen_slides, completed_at IS NOT NULL FROM deck_progress "
                        + "WHERE user_id = ? AND deck_id = ? AND fiscal_year = ? AND deck_version = ? FOR UPDATE")
                .params(learner.id(), deck.id(), year, deck.version())
                .query((rs, n) -> new Progress(Training.decode(rs.getString(1)).size(), rs.getBoolean(2))).optional();
        if (progress.isEmpty()) {
            return false;
        }
        if (progress.get().completed()) {
            return true;
        }
        Optional<Passed> passed = jdbc.sql("SELECT id, score FROM check_attempt WHERE user_id = ? AND deck_id = ? "
                        + "AND fiscal_year = ? AND deck_version = ? AND passed ORDER BY id DESC LIMIT 1")
                .params(learner.id(), deck.id(), year, deck.version())
                .query((rs, n) -> new Passed(rs.getLong(1), rs.getBigDecimal(2))).optional();
        boolean rulesDone = !deck.deck().isTemplate() || rulesSatisfied(learner.id());
        if (progress.get().seen() < deck.deck().slides().size() || passed.isEmpty() || !rulesDone) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE deck_progress SET completed_at = ? WHERE user_id = ? AND deck_id = ? AND fiscal_year = ?")
                .params(UtcColumns.of(now), learner.id(), deck.id(), year).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fiscalYear", year);
        details.put("attempt", passed.get().attempt());
        details.put("slides", deck.deck().slides().size());
        if (deck.deck().isTemplate()) {
            acknowledged(learner.id()).ifPresent(version -> details.put("rulesVersion", version));
        }
        ledger.append(new EvidenceEntry("DECK_COMPLETED", learner.id(), learner.email(), learner.email(),
                DeckCatalog.evidenceRef(deck.id()), String.valueOf(deck.version()), "COMPLETED", passed.get().score(), details, null));
        events.publishEvent(new DeckCompleted(learner.id(), deck.id(), deck.version(), year, now));
        return true;
    }

    /** Whether the person acknowledged the rules at or after the version everyone must have acknowledged. */
    boolean rulesSatisfied(long user) {
        Optional<Integer> baseline = rules.acknowledgementBaseline();
        return baseline.isPresent() && acknowledged(user).filter(version -> version >= baseline.get()).isPresent();
    }

    Optional<Integer> acknowledged(long user) {
        return jdbc.sql("SELECT MAX(rules_version) FROM rules_acknowledgement WHERE user_id = ?").param(user)
                .query(Integer.class).optional();
    }

    /** The version of a deck the person has started in the fiscal year, if any. */
    Optional<PublishedDeck> deckInProgress(long user, String deckId, int year) {
        return jdbc.sql("SELECT deck_version FROM deck_progress WHERE user_id = ? AND deck_id = ? AND fiscal_year = ?")
                .params(user, deckId, year)
                .query(Integer.class).optional().flatMap(version -> catalog.version(deckId, version));
    }

    private record Progress(int seen, boolean completed) {
    }

    private record Passed(long attempt, BigDecimal score) {
    }
}
