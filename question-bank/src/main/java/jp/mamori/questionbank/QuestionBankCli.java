package jp.mamori.questionbank;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command line for item authors: {@code java -jar question-bank/target/question-bank-*.jar validate <dir>} prints every
 * problem as {@code file:line: message}, item counts per domain and difficulty, and last {@code N items, E errors}.
 * Exits 1 on any error, 2 on a wrong call.
 */
public final class QuestionBankCli {

    private QuestionBankCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 2 && args[0].equals("validate")) {
            return validate(Path.of(args[1]), out, err);
        }
        err.println("usage: java -jar question-bank.jar validate <folder of item files>");
        return 2;
    }

    private static int validate(Path folder, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(folder)) {
            err.println(folder + ": no such folder");
            return 2;
        }
        Bank.Result bank = Bank.read(folder);
        bank.problems().stream()
                .sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line))
                .forEach(out::println);
        Map<String, int[]> byDomain = new TreeMap<>();
        for (Item item : bank.items()) {
            int[] counts = byDomain.computeIfAbsent(item.domain(), d -> new int[4]);
            counts[0]++;
            if (item.difficulty() >= 1 && item.difficulty() <= 3) {
                counts[item.difficulty()]++;
            }
        }
        byDomain.forEach((domain, c) -> out.printf("%s: %d items (difficulty 1: %d, 2: %d, 3: %d)%n", domain, c[0], c[1], c[2], c[3]));
        out.printf("%d items, %d errors%n", bank.items().size(), bank.problems().size());
        return bank.problems().isEmpty() ? 0 : 1;
    }
}
