package jp.mamori.learning;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.questionbank.LocalizedText;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which decks of a curriculum people completed in a fiscal year: what clearance, rosters and dashboards read. */
@Service
public class CurriculumProgress {

    private final Training training;
    private final JdbcClient jdbc;

    CurriculumProgress(Training training, JdbcClient jdbc) {
        this.training = training;
        this.jdbc = jdbc;
    }

    /** One deck of a curriculum as it is published now. */
    public record CurriculumDeck(String deckId, int version, LocalizedText title) {
    }

    /** The decks everyone of the audience must complete each year, in the order they are meant to be taken. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<CurriculumDeck> curriculum(Audience audience) {
        return training.decks(audience).stream()
                .map(deck -> new CurriculumDeck(deck.id(), deck.version(), deck.deck().title())).toList();
    }

    /** The decks of the audience the signed-in person completed in the fiscal year (any version). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<String> myCompleted(Audience audience, int fiscalYear) {
        return new HashSet<>(jdbc.sql("SELECT p.deck_id FROM deck_progress p JOIN deck_version v "
                        + "ON v.deck_id = p.deck_id AND v.version = p.deck_version "
                        + "WHERE p.user_id = ? AND p.fiscal_year = ? AND v.audience = ? AND p.completed_at IS NOT NULL")
                .params(CurrentPrincipal.require().id(), fiscalYear, audience.id()).query(String.class).list());
    }

    /** Everyone's completed decks of the audience in the fiscal year, by user id; people with none are absent. */
    @PreAuthorize("hasAnyRole('TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public Map<Long, Set<String>> completed(Audience audience, int fiscalYear) {
        Map<Long, Set<String>> completed = new HashMap<>();
        jdbc.sql("SELECT p.user_id, p.deck_id FROM deck_progress p JOIN deck_version v "
                        + "ON v.deck_id = p.deck_id AND v.version = p.deck_version "
                        + "WHERE p.fiscal_year = ? AND v.audience = ? AND p.completed_at IS NOT NULL")
                .params(fiscalYear, audience.id())
                .query(rs -> {
                    completed.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getString(2));
                });
        return completed;
    }
}
