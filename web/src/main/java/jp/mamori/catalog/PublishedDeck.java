package jp.mamori.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    /** A file of the deck folder by relative path (an image a slide shows), or null when there is no such file. */
    public byte[] file(String path) {
        Path file = folder.resolve(path).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
