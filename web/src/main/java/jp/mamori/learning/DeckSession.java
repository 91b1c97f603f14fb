package jp.mamori.learning;

import java.util.Set;
import jp.mamori.catalog.PublishedDeck;

/** A learner inside a deck: the exact version they started, the slide to show and the slides seen. */
public record DeckSession(PublishedDeck deck, int currentSlide, Set<Integer> seen) {

    public DeckSession {
        seen = Set.copyOf(seen);
    }

    public boolean allSeen() {
        return seen.size() == deck.deck().slides().size();
    }
}
