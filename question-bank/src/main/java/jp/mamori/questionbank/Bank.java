package jp.mamori.questionbank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A question bank: every {@code *.yaml} file under a folder, read and checked together. */
public final class Bank {

    /** The items read and every problem, file by file, then across files. */
    public record Result(List<Item> items, List<Problem> problems) {
    }

    private Bank() {
    }

    public static Result read(Path folder) {
        List<Item> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        ItemParser parser = new ItemParser();
        List<Path> files = yamlFiles(folder);
        if (files.isEmpty()) {
            problems.add(new Problem(folder.toString(), 0, "no .yaml item files found here"));
        }
        for (Path file : files) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            try {
                ItemParser.Result result = parser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
                items.addAll(result.items());
                problems.addAll(result.problems());
            } catch (IOException e) {
                problems.add(new Problem(name, 0, "cannot be read as UTF-8 text: " + e.getMessage()));
            }
        }
        problems.addAll(ItemSet.duplicateIds(items));
        return new Result(items, problems);
    }

    private static List<Path> yamlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
