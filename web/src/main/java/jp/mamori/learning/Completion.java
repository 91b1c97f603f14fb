package jp.mamori.learning;

import java.math.BigDecimal;
import java.time.Clock;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides when a deck is complete: every slide seen, the check passed on that version and, for the company-rules
 * deck, the rules acknowledged at or after the version everyone must have acknowledged. Records it once as evidence.
 * Internal to the learning module; its callers check who may act.
 */
@Component
class Completion {

    private final DeckCatalog catalog;
    private final CompanyRules rules;
    private final EvidenceLedger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;

    Completion(DeckCatalog catalog, CompanyRules rules, EvidenceLedger ledger, JdbcClient jdbc, Clock clock) {
        this.catalog = catalog;
        this.rules = rules;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Marks the deck complete if everything is done; true when it is (now or before). */
    boolean tryComplete(PublishedDeck deck, MamoriPrincipal learner) {
        Optional<Progress> progress = jdbc.sql("SELECT seen_slides, completed_at IS NOT NULL FROM deck_progress "
                        + "WHERE user_id = ? AND deck_id = ? AND deck_version = ? FOR UPDATE")
                .params(learner.id(), deck.id(), deck.version())
                .query((rs, n) -> new Progress(Training.decode(rs.getString(1)).size(), rs.getBoolean(2))).optional();
        if (progress.isEmpty()) {
            return false;
        }
        if (progress.get().completed()) {
            return true;
        }
        Optional<Passed> passed = jdbc.sql("SELECT id, score FROM check_attempt WHERE user_id = ? AND deck_id = ? "
                        + "AND deck_version = ? AND passed ORDER BY id DESC LIMIT 1")
                .params(learner.id(), deck.id(), deck.version())
                .query((rs, n) -> new Passed(rs.getLong(1), rs.getBigDecimal(2))).optional();
        boolean rulesDone = !deck.deck().isTemplate() || rulesSatisfied(learner.id());
        if (progress.get().seen() < deck.deck().slides().size() || passed.isEmpty() || !rulesDone) {
            return false;
        }
        jdbc.sql("UPDATE deck_progress SET completed_at = ? WHERE user_id = ? AND deck_id = ?")
                .params(UtcColumns.of(clock.instant()), learner.id(), deck.id()).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attempt", passed.get().attempt());
        details.put("slides", deck.deck().slides().size());
        if (deck.deck().isTemplate()) {
            acknowledged(learner.id()).ifPresent(version -> details.put("rulesVersion", version));
        }
        ledger.append(new EvidenceEntry("DECK_COMPLETED", learner.id(), learner.email(), learner.email(),
                DeckCatalog.evidenceRef(deck.id()), String.valueOf(deck.version()), "COMPLETED", passed.get().score(), details, null));
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

    /** The version of a deck the person has started, if any. */
    Optional<PublishedDeck> deckInProgress(long user, String deckId) {
        return jdbc.sql("SELECT deck_version FROM deck_progress WHERE user_id = ? AND deck_id = ?").params(user, deckId)
                .query(Integer.class).optional().flatMap(version -> catalog.version(deckId, version));
    }

    private record Progress(int seen, boolean completed) {
    }

    private record Passed(long attempt, BigDecimal score) {
    }
}
