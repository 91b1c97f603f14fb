package jp.mamori.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.mamori.content.Deck;
import jp.mamori.content.DeckReader;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemParser;

/** The competency bank and the decks as shipped, so a journey can answer like a person who knows every key. */
final class KnownItems {

    private KnownItems() {
    }

    static List<Item> competency() {
        try {
            Path dir = resource("banks/competency");
            List<Item> items = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    items.addAll(new ItemParser().parse(file.getFileName().toString(), Files.readString(file)).items());
                }
            }
            return items;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the competency bank", e);
        }
    }

    /** A bundled deck as published: its title and its check items. */
    static Deck deck(String deckId) {
        try {
            return new DeckReader().read(resource("decks/" + deckId), deckId).deck()
                    .orElseThrow(() -> new IllegalStateException("the bundled deck " + deckId + " does not read"));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the deck " + deckId, e);
        }
    }

    /** A folder on the class path, inside a jar or not. */
    private static Path resource(String name) throws IOException, URISyntaxException {
        URI uri = KnownItems.class.getClassLoader().getResource(name).toURI();
        if (!uri.getScheme().equals("jar")) {
            return Path.of(uri);
        }
        FileSystem jar;
        try {
            jar = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException first) {
            jar = FileSystems.newFileSystem(uri, Map.of());
        }
        return jar.getPath(name);
    }
}
