package jp.mamori.learning;

/** A learner asked for a deck that is not in their programme (or does not exist). */
public class NotAssignedException extends RuntimeException {

    public NotAssignedException(String deckId) {
        super("deck " + deckId + " is not assigned to this learner");
    }
}
