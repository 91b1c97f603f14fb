package jp.mamori.catalog;

import java.nio.file.Path;
import jp.mamori.content.Deck;

/** A deck at one published version, parsed, with the folder its images are served from. */
public record PublishedDeck(Deck deck, Path folder) {

    public String id() {
        return deck.id();
    }

    public int version() {
        return deck.version();
    }
}
