package jp.mamori.content;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import jp.mamori.questionbank.Problem;

/**
 * Command line for authors: {@code java -jar content/target/content-*.jar validate <dir>}. Prints every problem as
 * {@code file:line: message}, a line per deck, and last {@code N decks, M slides, K items, E errors}; exits 1 on errors.
 */
public final class ContentCli {

    private ContentCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !args[0].equals("validate")) {
            err.println("usage: java -jar content.jar validate <folder of decks, or one deck folder>");
            return 2;
        }
        Path root = Path.of(args[1]);
        if (!Files.isDirectory(root)) {
            err.println(root + ": no such folder");
            return 2;
        }
        ContentTree.Result result = new ContentTree().read(root);
        result.problems().stream()
                .sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line))
                .forEach(out::println);
        for (Deck deck : result.decks()) {
            out.printf("%s v%d: %d slides, %d items (%d per check, pass %d%%)%n", deck.id(), deck.version(),
                    deck.slides().size(), deck.items().size(), deck.checkItems(), deck.passMark());
        }
        out.printf("%d decks, %d slides, %d items, %d errors%n", result.decks().size(), result.slides(), result.items(),
                result.problems().size());
        return result.problems().isEmpty() ? 0 : 1;
    }
}
