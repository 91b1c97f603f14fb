package jp.mamori.learning;

import java.util.Set;
import jp.mamori.catalog.PublishedDeck;

/** A person inside a deck: the exact version they started in this fiscal year, the slide to show and the slides seen. */
public record DeckSession(PublishedDeck deck, int fiscalYear, int currentSlide, Set<Integer> seen) {

    public DeckSession {
        seen = Set.copyOf(seen);
    }

    public boolean allSeen() {
        return seen.size() == deck.deck().slides().size();
    }
}
