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
        boolean importCall = args.length >= 4 && args[2].equals("--out")
                && (args.length == 4 || (args.length == 5 && args[4].equals("--skip-unsupported")));
        if (importCall && args[0].equals("import-gift")) {
            return importFile(Path.of(args[1]), Path.of(args[3]), args.length == 5, new GiftImporter()::read, out, err);
        }
        if (importCall && args[0].equals("import-moodle-xml")) {
            return importFile(Path.of(args[1]), Path.of(args[3]), args.length == 5, new MoodleXmlImporter()::read, out, err);
        }
        if (args.length == 4 && args[0].equals("export-qti") && args[2].equals("--out")) {
            return exportQti(Path.of(args[1]), Path.of(args[3]), out, err);
        }
        err.println("usage: java -jar question-bank.jar validate <folder of item files>");
        err.println("       java -jar question-bank.jar import-gift <file> --out <folder> [--skip-unsupported]");
        err.println("       java -jar question-bank.jar import-moodle-xml <file> --out <folder> [--skip-unsupported]");
        err.println("       java -jar question-bank.jar export-qti <folder of item files> --out <folder>");
        return 2;
    }

    /**
     * Imports all or nothing: any problem, or any unsupported question without --skip-unsupported, writes nothing.
     * The written file is read back through the item parser before this reports success.
     */
    /** Exports a valid bank (nothing is written if it has any problem) as QTI 3.0 items with a manifest. */
    private static int exportQti(Path bankFolder, Path outFolder, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(bankFolder)) {
            err.println(bankFolder + ": no such folder");
            return 2;
        }
        Bank.Result bank = Bank.read(bankFolder);
        if (!bank.problems().isEmpty()) {
            bank.problems().forEach(out::println);
            out.printf("0 items exported, %d errors%n", bank.problems().size());
            return 1;
        }
        try {
            Files.createDirectories(outFolder);
            for (Map.Entry<String, String> file : QtiExporter.export(bank.items()).entrySet()) {
                Files.writeString(outFolder.resolve(file.getKey()), file.getValue(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (java.io.IOException e) {
            err.println(outFolder + ": cannot be written: " + e.getMessage());
            return 1;
        }
        out.printf("%d items exported to %s as QTI 3.0, 0 errors%n", bank.items().size(), outFolder);
        return 0;
    }

    /** An importer: file name, content and the date the items are true as of, to what it read. */
    interface Importer {
        Imported read(String file, String content, java.time.LocalDate asOf);
    }

    private static int importFile(Path source, Path outFolder, boolean skipUnsupported, Importer importer,
                                  PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(source)) {
            err.println(source + ": no such file");
            return 2;
        }
        String name = source.getFileName().toString();
        Imported imported;
        try {
            imported = importer.read(name, Files.readString(source, java.nio.charset.StandardCharsets.UTF_8),
                    java.time.LocalDate.now());
        } catch (java.io.IOException e) {
            err.println(name + ": cannot be read as UTF-8 text: " + e.getMessage());
            return 2;
        }
        imported.problems().forEach(out::println);
        imported.unsupported().forEach(out::println);
        boolean blocked = !imported.problems().isEmpty() || (!imported.unsupported().isEmpty() && !skipUnsupported);
        if (blocked || imported.items().isEmpty()) {
            if (!imported.unsupported().isEmpty() && !skipUnsupported && imported.problems().isEmpty()) {
                out.println("nothing imported: remove the unsupported questions or use --skip-unsupported");
            }
            out.printf("0 items imported, %d unsupported, %d errors%n", imported.unsupported().size(), imported.problems().size());
            return blocked ? 1 : 0;
        }
        String yaml = ItemYaml.write(imported.items());
        Path target = outFolder.resolve(name.replaceAll("\\.[^.]+$", "") + ".yaml");
        ItemParser.Result check = new ItemParser().parse(target.getFileName().toString(), yaml);
        if (!check.problems().isEmpty()) {
            check.problems().forEach(out::println);
            out.printf("0 items imported, %d unsupported, %d errors%n", imported.unsupported().size(), check.problems().size());
            return 1;
        }
        try {
            Files.createDirectories(outFolder);
            Files.writeString(target, yaml, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            err.println(target + ": cannot be written: " + e.getMessage());
            return 1;
        }
        out.printf("%d items imported to %s (as drafts), %d unsupported skipped, 0 errors%n", imported.items().size(), target,
                imported.unsupported().size());
        return 0;
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
