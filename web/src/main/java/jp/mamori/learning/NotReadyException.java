package jp.mamori.learning;

/** The check opens only after every slide of the deck has been seen. */
public class NotReadyException extends RuntimeException {

    public NotReadyException(String deckId) {
        super("not every slide of " + deckId + " has been seen yet");
    }
}
