package jp.mamori.questionbank;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Command line for item authors: {@code java -jar question-bank/target/question-bank-*.jar validate <dir>} prints every
 * problem as {@code file:line: message}, item counts per domain and difficulty, and last {@code N items, E errors};
 * the import commands turn GIFT, Moodle XML and QTI packages into bank YAML, the export commands write a valid bank
 * as QTI 3.0 or 2.1 (folder or zip) or Moodle XML. Exits 1 on any error, 2 on a wrong call.
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
            return importText(Path.of(args[1]), Path.of(args[3]), args.length == 5, new GiftImporter()::read, out, err);
        }
        if (importCall && args[0].equals("import-moodle-xml")) {
            return importText(Path.of(args[1]), Path.of(args[3]), args.length == 5, new MoodleXmlImporter()::read, out, err);
        }
        if (importCall && args[0].equals("import-qti")) {
            return importQti(Path.of(args[1]), Path.of(args[3]), args.length == 5, out, err);
        }
        if (args.length == 4 && args[0].equals("export-moodle-xml") && args[2].equals("--out")) {
            return export(Path.of(args[1]), Path.of(args[3]), "Moodle XML",
                    items -> Map.of("", MoodleXmlExporter.export(items)), out, err);
        }
        Optional<QtiVersion> qti = args.length == 4 ? Optional.of(QtiVersion.V3P0)
                : args.length == 6 && args[4].equals("--qti") ? QtiVersion.of(args[5]) : Optional.empty();
        if (args.length >= 4 && args[0].equals("export-qti") && args[2].equals("--out") && qti.isPresent()) {
            return export(Path.of(args[1]), Path.of(args[3]), "QTI " + qti.get().label(),
                    items -> QtiExporter.export(items, qti.get()), out, err);
        }
        err.println("usage: java -jar question-bank.jar validate <folder of item files>");
        err.println("       java -jar question-bank.jar import-gift <file> --out <folder> [--skip-unsupported]");
        err.println("       java -jar question-bank.jar import-moodle-xml <file> --out <folder> [--skip-unsupported]");
        err.println("       java -jar question-bank.jar import-qti <package.zip or folder> --out <folder> [--skip-unsupported]");
        err.println("       java -jar question-bank.jar export-qti <folder of item files> --out <folder or .zip> [--qti 3.0|2.1]");
        err.println("       java -jar question-bank.jar export-moodle-xml <folder of item files> --out <file.xml>");
        return 2;
    }

    /** What an export writes: file name → text; one nameless entry for a single-file format. */
    private interface Format {
        Map<String, String> files(List<Item> items);
    }

    /**
     * Exports a valid bank; nothing is written if it has any problem. A package goes into a folder, or into a zip when
     * the target ends in .zip; a single-file format is written to the target file.
     */
    private static int export(Path bankFolder, Path target, String format, Format writer, PrintStream out, PrintStream err) {
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
        Map<String, String> files = writer.files(bank.items());
        try {
            if (files.containsKey("")) {
                createParent(target);
                Files.writeString(target, files.get(""), StandardCharsets.UTF_8);
            } else if (target.getFileName().toString().endsWith(".zip")) {
                createParent(target);
                Files.write(target, ContentPackage.zip(files));
            } else {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Path path = target.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            err.println(target + ": cannot be written: " + e.getMessage());
            return 1;
        }
        out.printf("%d items exported to %s as %s, 0 errors%n", bank.items().size(), target, format);
        return 0;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** An importer: file name, content and the date the items are true as of, to what it read. */
    interface Importer {
        Imported read(String file, String content, LocalDate asOf);
    }

    private static int importText(Path source, Path outFolder, boolean skipUnsupported, Importer importer,
                                  PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(source)) {
            err.println(source + ": no such file");
            return 2;
        }
        String name = source.getFileName().toString();
        Imported imported;
        try {
            imported = importer.read(name, Files.readString(source, StandardCharsets.UTF_8), LocalDate.now());
        } catch (IOException e) {
            err.println(name + ": cannot be read as UTF-8 text: " + e.getMessage());
            return 2;
        }
        return write(name, imported, outFolder, skipUnsupported, out, err);
    }

    private static int importQti(Path source, Path outFolder, boolean skipUnsupported, PrintStream out, PrintStream err) {
        if (!Files.exists(source)) {
            err.println(source + ": no such file or folder");
            return 2;
        }
        String name = source.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        Optional<Map<String, byte[]>> files;
        try {
            files = ContentPackage.read(source, problems);
        } catch (IOException e) {
            err.println(name + ": cannot be read: " + e.getMessage());
            return 2;
        }
        Imported imported = files.map(f -> new QtiImporter().read(f, LocalDate.now()))
                .orElseGet(() -> new Imported(List.of(), List.of(), problems));
        return write(name, imported, outFolder, skipUnsupported, out, err);
    }

    /**
     * Imports all or nothing: any problem, or any unsupported question without --skip-unsupported, writes nothing.
     * The written file is read back through the item parser before this reports success.
     */
    private static int write(String name, Imported imported, Path outFolder, boolean skipUnsupported, PrintStream out, PrintStream err) {
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
        String fileName = ItemYaml.fileName(name);
        String yaml = ItemYaml.write(imported.items());
        ItemParser.Result check = new ItemParser().parse(fileName, yaml);
        if (!check.problems().isEmpty()) {
            check.problems().forEach(out::println);
            out.printf("0 items imported, %d unsupported, %d errors%n", imported.unsupported().size(), check.problems().size());
            return 1;
        }
        Path target = outFolder.resolve(fileName);
        try {
            Files.createDirectories(outFolder);
            Files.writeString(target, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(target + ": cannot be written: " + e.getMessage());
            return 1;
        }
        out.printf("%d items imported to %s (%s), %d unsupported skipped, 0 errors%n", imported.items().size(), target,
                imported.items().stream().allMatch(i -> i.status() == ItemStatus.DRAFT) ? "as drafts" : "with their status",
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
