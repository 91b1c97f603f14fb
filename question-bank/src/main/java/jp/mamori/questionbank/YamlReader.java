package jp.mamori.questionbank;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML as a tree of nodes that remember their line, and records a {@link Problem} for anything missing
 * or malformed instead of failing at the first one. Line numbers count from 1 and include {@code lineOffset}
 * (for YAML embedded in a larger file, such as front matter).
 */
public final class YamlReader {

    private final String file;
    private final int lineOffset;
    private final List<Problem> problems;

    public YamlReader(String file, int lineOffset, List<Problem> problems) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.problems = problems;
    }

    /** The document's root node, or empty (with a problem) when the text is not YAML. */
    public Optional<Node> root(String yaml) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node node = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
            if (node == null) {
                problems.add(new Problem(file, lineOffset + 1, "the file is empty"));
            }
            return Optional.ofNullable(node);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(new Problem(file, lineOffset + line, "not valid YAML: " + e.getProblem()));
        } catch (RuntimeException e) {
            problems.add(new Problem(file, lineOffset + 1, "not valid YAML: " + e.getMessage()));
        }
        return Optional.empty();
    }

    public int line(Node node) {
        return lineOffset + node.getStartMark().getLine() + 1;
    }

    public void problem(Node at, String message) {
        problems.add(new Problem(file, line(at), message));
    }

    public void problem(int line, String message) {
        problems.add(new Problem(file, line, message));
    }

    public String file() {
        return file;
    }

    public Optional<MappingNode> mapping(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(mapping);
        }
        problem(node, what + " must be a mapping of key: value lines");
        return Optional.empty();
    }

    public Optional<Node> get(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(tuple.getValueNode());
            }
        }
        return Optional.empty();
    }

    public List<String> keys(MappingNode mapping) {
        List<String> keys = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k) {
                keys.add(k.getValue());
            }
        }
        return keys;
    }

    public Optional<String> optionalText(MappingNode mapping, String key) {
        return get(mapping, key).flatMap(node -> scalar(node, key)).map(String::strip).filter(s -> !s.isEmpty());
    }

    public String text(MappingNode mapping, String key, String owner) {
        Optional<String> value = optionalText(mapping, key);
        if (value.isEmpty()) {
            problem(mapping, owner + " has no " + key);
        }
        return value.orElse("");
    }

    public int integer(MappingNode mapping, String key, String owner, int min, int max) {
        Optional<Node> node = get(mapping, key);
        if (node.isEmpty()) {
            problem(mapping, owner + " has no " + key);
            return min;
        }
        Optional<String> raw = scalar(node.get(), key);
        try {
            int value = Integer.parseInt(raw.orElse("").strip());
            if (value < min || value > max) {
                problem(node.get(), key + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            problem(node.get(), key + " must be a whole number, not '" + raw.orElse("") + "'");
            return min;
        }
    }

    public LocalDate date(MappingNode mapping, String key, String owner) {
        Optional<Node> node = get(mapping, key);
        if (node.isEmpty()) {
            problem(mapping, owner + " has no " + key);
            return LocalDate.EPOCH;
        }
        String raw = scalar(node.get(), key).orElse("").strip();
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            problem(node.get(), key + " must be a date like 2026-11-01, not '" + raw + "'");
            return LocalDate.EPOCH;
        }
    }

    /** A {@code {ja: ..., en: ...}} mapping; Japanese required, English optional. */
    public LocalizedText localized(MappingNode mapping, String key, String owner) {
        Optional<Node> node = get(mapping, key);
        if (node.isEmpty()) {
            problem(mapping, owner + " has no " + key);
            return LocalizedText.of("");
        }
        return localized(node.get(), owner + " " + key);
    }

    public LocalizedText localized(Node node, String what) {
        Optional<MappingNode> texts = mapping(node, what + " (ja:/en:)");
        if (texts.isEmpty()) {
            return LocalizedText.of("");
        }
        Optional<String> ja = optionalText(texts.get(), "ja");
        if (ja.isEmpty()) {
            problem(node, what + " has no Japanese text (ja:)");
        }
        // An unquoted comma splits a flow mapping ({ja: 1,648件}) into stray keys: say so instead of cutting the text.
        List<String> stray = keys(texts.get()).stream().filter(k -> !k.equals("ja") && !k.equals("en")).toList();
        if (!stray.isEmpty()) {
            problem(node, what + " has keys other than ja and en " + stray + "; put texts with commas in double quotes");
        }
        return new LocalizedText(ja.orElse(""), optionalText(texts.get(), "en").orElse(null));
    }

    public List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problem(node, what + " must be a list (lines starting with '- ')");
        return List.of();
    }

    public Optional<String> scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problem(node, what + " must be a single value");
        return Optional.empty();
    }
}
