package jp.mamori.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mamori.content.Deck;
import jp.mamori.questionbank.Problem;

/**
 * An uploaded deck zip after validation: the deck read from it and every problem found. Only an upload without
 * problems can be published; the files kept here are exactly what gets published.
 */
public record DeckUpload(String fileName, Optional<Deck> deck, List<Problem> problems, Map<String, byte[]> files) {

    public DeckUpload {
        problems = List.copyOf(problems);
        files = Map.copyOf(files);
    }

    public boolean publishable() {
        return deck.isPresent() && problems.isEmpty();
    }
}
