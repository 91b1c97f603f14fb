package jp.mamori.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.mamori.questionbank.LocalizedText;
import jp.mamori.questionbank.Problem;
import jp.mamori.questionbank.YamlReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads and checks declaration files ({@code declarations/<id>.yaml}); every problem as {@code file:line: message}. */
public final class DeclarationReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** The declarations read and the problems found; a file with problems gives no declaration. */
    public record Result(List<Declaration> declarations, List<Problem> problems) {
    }

    /** Every {@code *.yaml} in the folder, in name order. */
    public Result readAll(Path folder) {
        List<Declaration> declarations = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString();
                Result one = read(name, Files.readString(file));
                declarations.addAll(one.declarations());
                problems.addAll(one.problems());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
        return new Result(declarations, problems);
    }

    /** One file's text; {@code file} is its name ({@code <id>.yaml}). */
    public Result read(String file, String yaml) {
        List<Problem> problems = new ArrayList<>();
        YamlReader reader = new YamlReader(file, 0, problems);
        Optional<MappingNode> root = reader.root(yaml).flatMap(node -> reader.mapping(node, "the declaration"));
        if (root.isEmpty()) {
            return new Result(List.of(), problems);
        }
        MappingNode map = root.get();
        String id = reader.text(map, "id", "the declaration");
        if (!id.isEmpty() && !file.endsWith("/" + id + ".yaml") && !file.equals(id + ".yaml")) {
            reader.problem(map, "id " + id + " must equal the file name (" + id + ".yaml)");
        }
        int version = reader.integer(map, "version", "the declaration", 1, 10_000);
        LocalizedText title = reader.localized(map, "title", "the declaration");
        LocalizedText intro = reader.localized(map, "intro", "the declaration");
        List<Declaration.Statement> statements = statements(reader, map);
        List<Declaration.Fact> facts = facts(reader, map);
        checkRules(reader, map, facts);
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        return new Result(List.of(new Declaration(id, version, title, intro, statements, facts)), problems);
    }

    private static List<Declaration.Statement> statements(YamlReader reader, MappingNode map) {
        List<Declaration.Statement> statements = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Node> nodes = reader.get(map, "statements").map(node -> reader.sequence(node, "statements")).orElseGet(() -> {
            reader.problem(map, "the declaration has no statements");
            return List.of();
        });
        if (nodes.isEmpty()) {
            reader.problem(map, "the declaration needs at least one statement");
        }
        for (Node node : nodes) {
            reader.mapping(node, "a statement").ifPresent(statement -> {
                String id = uniqueId(reader, statement, "a statement", ids);
                String ja = reader.text(statement, "ja", "statement " + id);
                statements.add(new Declaration.Statement(id, new LocalizedText(ja, reader.optionalText(statement, "en").orElse(null))));
            });
        }
        return statements;
    }

    private static List<Declaration.Fact> facts(YamlReader reader, MappingNode map) {
        List<Declaration.Fact> facts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node node : reader.get(map, "facts").map(n -> reader.sequence(n, "facts")).orElse(List.of())) {
            reader.mapping(node, "a fact").ifPresent(fact -> {
                String id = uniqueId(reader, fact, "a fact", ids);
                LocalizedText label = reader.localized(fact, "label", "fact " + id);
                String typeName = reader.text(fact, "type", "fact " + id);
                Declaration.FactType type = switch (typeName) {
                    case "date" -> Declaration.FactType.DATE;
                    case "text" -> Declaration.FactType.TEXT;
                    case "choice" -> Declaration.FactType.CHOICE;
                    default -> {
                        reader.problem(fact, "fact " + id + ": type must be date, text or choice, not " + typeName);
                        yield Declaration.FactType.TEXT;
                    }
                };
                boolean required = flag(reader, fact, "required", "fact " + id, true);
                boolean multiple = flag(reader, fact, "multiple", "fact " + id, false);
                List<Declaration.Choice> choices = type == Declaration.FactType.CHOICE ? choices(reader, fact, id) : List.of();
                if (multiple && type != Declaration.FactType.CHOICE) {
                    reader.problem(fact, "fact " + id + ": multiple is only for choice facts");
                }
                facts.add(new Declaration.Fact(id, label, type, required, multiple, choices,
                        reader.optionalText(fact, "rule").orElse(null)));
            });
        }
        return facts;
    }

    private static List<Declaration.Choice> choices(YamlReader reader, MappingNode fact, String factId) {
        List<Declaration.Choice> choices = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node node : reader.get(fact, "choices").map(n -> reader.sequence(n, "choices")).orElse(List.of())) {
            reader.mapping(node, "a choice").ifPresent(choice -> {
                String id = uniqueId(reader, choice, "a choice of " + factId, ids);
                choices.add(new Declaration.Choice(id, reader.localized(choice, "label", "choice " + id)));
            });
        }
        if (choices.size() < 2) {
            reader.problem(fact, "fact " + factId + ": a choice needs two or more choices");
        }
        return choices;
    }

    private static void checkRules(YamlReader reader, MappingNode map, List<Declaration.Fact> facts) {
        for (Declaration.Fact fact : facts) {
            if (fact.rule() == null) {
                continue;
            }
            if (fact.notInFuture()) {
                if (fact.type() != Declaration.FactType.DATE) {
                    reader.problem(map, "fact " + fact.id() + ": not-in-future is only for date facts");
                }
                continue;
            }
            Optional<String[]> condition = fact.requiredIf();
            if (condition.isEmpty() || condition.get().length != 2) {
                reader.problem(map, "fact " + fact.id() + ": unknown rule " + fact.rule()
                        + " (not-in-future, or required-if <fact>=<choice>)");
                continue;
            }
            String other = condition.get()[0];
            String choice = condition.get()[1];
            boolean known = facts.stream().anyMatch(f -> f.id().equals(other)
                    && f.choices().stream().anyMatch(c -> c.id().equals(choice)));
            if (!known) {
                reader.problem(map, "fact " + fact.id() + ": required-if names " + other + "=" + choice
                        + ", which is not a choice of another fact");
            }
        }
    }

    private static String uniqueId(YamlReader reader, MappingNode node, String what, Set<String> seen) {
        String id = reader.text(node, "id", what);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            reader.problem(node, what + ": id " + id + " must be lower-case letters, digits and hyphens");
        }
        if (!id.isEmpty() && !seen.add(id)) {
            reader.problem(node, what + ": id " + id + " is used twice");
        }
        return id;
    }

    private static boolean flag(YamlReader reader, MappingNode node, String key, String owner, boolean otherwise) {
        return reader.optionalText(node, key).map(value -> {
            if (!value.equals("true") && !value.equals("false")) {
                reader.problem(node, owner + ": " + key + " must be true or false");
            }
            return value.equals("true");
        }).orElse(otherwise);
    }
}
