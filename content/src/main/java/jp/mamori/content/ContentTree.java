package jp.mamori.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemSet;
import jp.mamori.questionbank.Problem;

/** Reads every deck under a folder (or the folder itself when it holds a deck.md) and checks them together. */
public final class ContentTree {

    /** The decks read and every problem, deck by deck, then across decks. */
    public record Result(List<Deck> decks, List<Problem> problems) {

        public int slides() {
            return decks.stream().mapToInt(d -> d.slides().size()).sum();
        }

        public int items() {
            return decks.stream().mapToInt(d -> d.items().size()).sum();
        }
    }

    public Result read(Path root) {
        List<Path> folders = deckFolders(root);
        List<Deck> decks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (folders.isEmpty()) {
            problems.add(new Problem(root.toString(), 0, "no deck folder (a folder with a deck.md) found here"));
        }
        DeckReader reader = new DeckReader();
        for (Path folder : folders) {
            Path base = Files.isRegularFile(root.resolve("deck.md")) ? root.getParent() : root;
            String name = base == null ? folder.getFileName().toString() : base.relativize(folder).toString();
            DeckReader.Result result = reader.read(folder, name.isEmpty() ? folder.getFileName().toString() : name);
            result.deck().ifPresent(decks::add);
            problems.addAll(result.problems());
        }
        List<Item> all = decks.stream().flatMap(d -> d.items().stream()).toList();
        problems.addAll(ItemSet.duplicateIds(all));
        return new Result(decks, problems);
    }

    private static List<Path> deckFolders(Path root) {
        if (Files.isRegularFile(root.resolve("deck.md"))) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).filter(dir -> Files.isRegularFile(dir.resolve("deck.md"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
