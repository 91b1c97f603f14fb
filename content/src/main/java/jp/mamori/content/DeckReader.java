package jp.mamori.content;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemParser;
import jp.mamori.questionbank.LocalizedText;
import jp.mamori.questionbank.Problem;
import jp.mamori.questionbank.YamlReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one deck folder ({@code deck.md}, {@code check.yaml}, {@code images/}) into a {@link Deck} and lists
 * every problem as {@code file:line: message}. The rules that need the whole deck are in {@link DeckRules}.
 */
public final class DeckReader {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final String SEPARATOR = "---";

    /** The deck (absent when deck.md cannot be read at all) and every problem found. */
    public record Result(Optional<Deck> deck, List<Problem> problems) {

        public boolean valid() {
            return deck.isPresent() && problems.isEmpty();
        }
    }

    /**
     * @param folder the deck folder
     * @param name   how problems name the folder, e.g. {@code decks/why-pi-matters}
     */
    public Result read(Path folder, String name) {
        List<Problem> problems = new ArrayList<>();
        String deckFile = name + "/deck.md";
        Optional<String> text = readFile(folder.resolve("deck.md"), deckFile, problems);
        if (text.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        List<String> lines = text.get().lines().toList();
        if (lines.isEmpty() || !lines.getFirst().strip().equals(SEPARATOR)) {
            problems.add(new Problem(deckFile, 1, "deck.md must start with front matter between two '---' lines"));
            return new Result(Optional.empty(), problems);
        }
        int end = 1;
        while (end < lines.size() && !lines.get(end).strip().equals(SEPARATOR)) {
            end++;
        }
        if (end == lines.size()) {
            problems.add(new Problem(deckFile, 1, "the front matter is not closed by a '---' line"));
            return new Result(Optional.empty(), problems);
        }
        YamlReader yaml = new YamlReader(deckFile, 1, problems);
        String frontMatter = String.join("\n", lines.subList(1, end));
        Optional<MappingNode> header = yaml.root(frontMatter).flatMap(root -> yaml.mapping(root, "the front matter"));
        if (header.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        List<Slide> slides = new SlideReader(deckFile, folder, problems).read(lines, end + 1);
        List<Item> items = items(folder, name, problems);
        Deck deck = deck(yaml, header.get(), slides, items);
        if (!deck.id().isEmpty() && !deck.id().equals(folder.getFileName().toString())) {
            yaml.problem(header.get(), "id " + deck.id() + " differs from the folder name " + folder.getFileName());
        }
        problems.addAll(DeckRules.check(deck, deckFile, name + "/check.yaml", yaml.line(header.get())));
        return new Result(Optional.of(deck), problems);
    }

    private static Deck deck(YamlReader yaml, MappingNode h, List<Slide> slides, List<Item> items) {
        String id = yaml.text(h, "id", "the deck");
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            yaml.problem(h, "id must be lower-case letters, digits and hyphens: " + id);
        }
        int version = yaml.integer(h, "version", "the deck", 1, 100_000);
        LocalizedText title = bilingual(yaml, h, "title");
        LocalizedText summary = bilingual(yaml, h, "summary");
        String audience = yaml.text(h, "audience", "the deck").toLowerCase(Locale.ROOT);
        if (!audience.isEmpty() && !audience.equals("employee") && !audience.equals("examiner")) {
            yaml.problem(yaml.get(h, "audience").orElse(h), "audience must be employee or examiner, not " + audience);
        }
        int minutes = yaml.integer(h, "estimated_minutes", "the deck", 1, 240);
        LocalDate asOf = yaml.date(h, "as_of", "the deck");
        int passMark = yaml.integer(h, "pass_mark", "the deck", 1, 100);
        int checkItems = yaml.integer(h, "check_items", "the deck", 1, 50);
        List<TemplateField> fields = templateFields(yaml, h);
        List<String> notes = new ArrayList<>();
        yaml.get(h, "review_notes").ifPresent(node -> yaml.sequence(node, "review_notes")
                .forEach(n -> yaml.scalar(n, "a review note").ifPresent(notes::add)));
        return new Deck(id, version, title, summary, audience, minutes, asOf, passMark, checkItems, fields, slides, items, notes);
    }

    /** Title and summary need both languages: English users see at least these. */
    private static LocalizedText bilingual(YamlReader yaml, MappingNode h, String key) {
        LocalizedText text = yaml.localized(h, key, "the deck");
        if (yaml.get(h, key).isPresent() && (text.en() == null || text.en().isBlank())) {
            yaml.problem(yaml.get(h, key).get(), "the deck's " + key + " has no English text (en:)");
        }
        return text;
    }

    private static List<TemplateField> templateFields(YamlReader yaml, MappingNode h) {
        List<TemplateField> fields = new ArrayList<>();
        yaml.get(h, "template_fields").ifPresent(list -> {
            for (Node node : yaml.sequence(list, "template_fields")) {
                yaml.mapping(node, "a template field").ifPresent(f -> {
                    String id = yaml.text(f, "id", "a template field");
                    if (!id.isEmpty() && !id.matches("[a-z][a-z0-9_]{0,59}")) {
                        yaml.problem(f, "template field id must be lower-case letters, digits and _: " + id);
                    }
                    if (fields.stream().anyMatch(existing -> existing.id().equals(id))) {
                        yaml.problem(f, "template field " + id + " is declared twice");
                    }
                    fields.add(new TemplateField(id, yaml.localized(f, "label", "template field " + id),
                            yaml.text(f, "sample", "template field " + id),
                            yaml.optionalText(f, "multiline").map(Boolean::parseBoolean).orElse(false)));
                });
            }
        });
        return fields;
    }

    private static List<Item> items(Path folder, String name, List<Problem> problems) {
        String file = name + "/check.yaml";
        return readFile(folder.resolve("check.yaml"), file, problems).map(yaml -> {
            ItemParser.Result result = new ItemParser().parse(file, yaml);
            problems.addAll(result.problems());
            return result.items();
        }).orElse(List.of());
    }

    private static Optional<String> readFile(Path path, String name, List<Problem> problems) {
        if (!Files.isRegularFile(path)) {
            problems.add(new Problem(name, 0, "file is missing"));
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(new Problem(name, 0, "cannot be read as UTF-8 text: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Parses a chart block's YAML; used by {@link SlideReader}. */
    static Optional<Chart> chart(YamlReader yaml, String text) {
        return yaml.root(text).flatMap(root -> yaml.mapping(root, "a chart")).map(c -> {
            String typeName = yaml.optionalText(c, "type").orElse("bar").toUpperCase(Locale.ROOT);
            Chart.Type type;
            try {
                type = Chart.Type.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                yaml.problem(c, "chart type must be bar or hbar, not " + typeName.toLowerCase(Locale.ROOT));
                type = Chart.Type.BAR;
            }
            String title = yaml.text(c, "title", "the chart");
            String source = yaml.text(c, "source", "the chart");
            List<Chart.Row> rows = new ArrayList<>();
            yaml.get(c, "data").ifPresentOrElse(data -> {
                List<Node> rowNodes = yaml.sequence(data, "chart data");
                if (rowNodes.size() < 2) {
                    yaml.problem(data, "a chart needs at least 2 rows of data");
                }
                for (Node rowNode : rowNodes) {
                    yaml.mapping(rowNode, "a chart row").ifPresent(row -> {
                        String label = yaml.text(row, "label", "a chart row");
                        String raw = yaml.text(row, "value", "chart row " + label).replace(",", "");
                        try {
                            rows.add(new Chart.Row(label, new BigDecimal(raw)));
                        } catch (NumberFormatException e) {
                            yaml.problem(row, "chart row " + label + ": value must be a number, not '" + raw + "'");
                        }
                    });
                }
            }, () -> yaml.problem(c, "the chart has no data"));
            return new Chart(type, title, yaml.optionalText(c, "unit").orElse(""), rows, source);
        });
    }
}
