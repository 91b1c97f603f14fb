package jp.mamori.learning;

import java.time.Instant;

/**
 * Published inside the transaction that completes a deck for a fiscal year, so what listeners record (an assignment
 * marked done) is stored together with the completion or not at all.
 */
public record DeckCompleted(long userId, String deckId, int deckVersion, int fiscalYear, Instant completedAt) {
}
