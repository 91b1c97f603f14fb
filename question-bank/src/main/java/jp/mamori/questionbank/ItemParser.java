package jp.mamori.questionbank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a file of items ({@code items:} list, see docs/content-format.md) and checks each item on its own:
 * required fields, option and key rules, a reason for every wrong option. Problems name file and line.
 */
public final class ItemParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    /** The items read and what is wrong with the file; items with problems are still returned for counting. */
    public record Result(List<Item> items, List<Problem> problems) {
    }

    public Result parse(String file, String yaml) {
        List<Problem> problems = new ArrayList<>();
        YamlReader reader = new YamlReader(file, 0, problems);
        List<Item> items = new ArrayList<>();
        reader.root(yaml).flatMap(root -> reader.mapping(root, "the file")).ifPresent(root -> {
            Optional<Node> list = reader.get(root, "items");
            if (list.isEmpty()) {
                reader.problem(root, "the file has no items: list");
                return;
            }
            for (Node node : reader.sequence(list.get(), "items")) {
                reader.mapping(node, "an item").ifPresent(mapping -> items.add(item(reader, mapping)));
            }
        });
        return new Result(items, problems);
    }

    private Item item(YamlReader reader, MappingNode node) {
        ItemStatus status = status(reader, node, "the item");
        boolean draft = status == ItemStatus.DRAFT;
        String id = reader.text(node, "id", "the item");
        String owner = id.isEmpty() ? "the item" : "item " + id;
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            reader.problem(node, owner + ": id must be lower-case letters, digits and hyphens");
        }
        int version = reader.integer(node, "version", owner, 1, 10_000);
        String domain = reader.text(node, "domain", owner);
        int difficulty = reader.integer(node, "difficulty", owner, 1, 3);
        ItemType type = type(reader, node, owner);
        LocalizedText stem = reader.localized(node, "stem", owner);
        List<ItemOption> options = options(reader, node, owner, type);
        Set<String> key = key(reader, node, owner, type, options);
        // A draft (e.g. just imported) may still lack its explanation; it is never drawn until completed.
        LocalizedText rationale = draft && reader.get(node, "rationale").isEmpty()
                ? LocalizedText.of("") : reader.localized(node, "rationale", owner);
        String reference = draft ? reader.optionalText(node, "reference").orElse("") : reader.text(node, "reference", owner);
        var asOf = reader.date(node, "as_of", owner);
        boolean review = reader.optionalText(node, "review").map(Boolean::parseBoolean).orElse(false);
        String reviewNote = reader.optionalText(node, "review_note").orElse("");
        if (review && reviewNote.isEmpty()) {
            reader.problem(node, owner + " is marked review: true but has no review_note saying why");
        }
        boolean keyNamesOptions = !key.isEmpty() && options.stream().map(ItemOption::id).toList().containsAll(key);
        for (ItemOption option : keyNamesOptions && !draft ? options : List.<ItemOption>of()) {
            if (!key.contains(option.id()) && (option.why() == null || option.why().ja().isBlank())) {
                reader.problem(node, owner + ": option " + option.id() + " is wrong but has no why: saying why");
            }
        }
        return new Item(id, version, domain, difficulty, type, stem, options, key, rationale, reference, asOf, status,
                review, reviewNote, reader.file(), reader.line(node));
    }

    private static ItemType type(YamlReader reader, MappingNode node, String owner) {
        String raw = reader.text(node, "type", owner);
        Optional<ItemType> type = ItemType.fromYaml(raw);
        if (type.isEmpty() && !raw.isEmpty()) {
            reader.problem(reader.get(node, "type").orElse(node),
                    owner + ": type must be single, multiple or true_false, not '" + raw + "'");
        }
        return type.orElse(ItemType.SINGLE);
    }

    private static ItemStatus status(YamlReader reader, MappingNode node, String owner) {
        String raw = reader.text(node, "status", owner);
        try {
            return ItemStatus.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            if (!raw.isEmpty()) {
                reader.problem(reader.get(node, "status").orElse(node),
                        owner + ": status must be draft, active or retired, not '" + raw + "'");
            }
            return ItemStatus.DRAFT;
        }
    }

    private static List<ItemOption> options(YamlReader reader, MappingNode node, String owner, ItemType type) {
        Optional<Node> list = reader.get(node, "options");
        if (type == ItemType.TRUE_FALSE) {
            list.ifPresent(n -> reader.problem(n, owner + ": a true_false item has no options (its key is true or false)"));
            return List.of();
        }
        if (list.isEmpty()) {
            reader.problem(node, owner + " has no options");
            return List.of();
        }
        List<ItemOption> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (Node optionNode : reader.sequence(list.get(), owner + " options")) {
            reader.mapping(optionNode, owner + " option").ifPresent(option -> {
                String id = reader.text(option, "id", owner + " option");
                LocalizedText text = reader.localized(option, "text", owner + " option " + id);
                LocalizedText why = reader.get(option, "why").map(n -> reader.localized(n, owner + " option " + id + " why")).orElse(null);
                if (!id.isEmpty() && !ids.add(id)) {
                    reader.problem(option, owner + ": option id " + id + " is used twice");
                }
                if (!text.ja().isEmpty() && !texts.add(text.ja())) {
                    reader.problem(option, owner + ": option " + id + " repeats the text of another option");
                }
                options.add(new ItemOption(id, text, why));
            });
        }
        if (options.size() < 3 || options.size() > 6) {
            reader.problem(list.get(), owner + " must have 3 to 6 options, not " + options.size());
        }
        return options;
    }

    private static Set<String> key(YamlReader reader, MappingNode node, String owner, ItemType type, List<ItemOption> options) {
        Optional<Node> keyNode = reader.get(node, "key");
        if (keyNode.isEmpty()) {
            reader.problem(node, owner + " has no key");
            return Set.of();
        }
        if (type == ItemType.TRUE_FALSE) {
            String raw = reader.scalar(keyNode.get(), owner + " key").orElse("").strip().toLowerCase(Locale.ROOT);
            if (!raw.equals("true") && !raw.equals("false")) {
                reader.problem(keyNode.get(), owner + ": the key of a true_false item is true or false, not '" + raw + "'");
                return Set.of();
            }
            return Set.of(raw);
        }
        Set<String> key = new LinkedHashSet<>();
        for (Node k : reader.sequence(keyNode.get(), owner + " key")) {
            reader.scalar(k, owner + " key").map(String::strip).ifPresent(key::add);
        }
        Set<String> optionIds = new HashSet<>();
        options.forEach(o -> optionIds.add(o.id()));
        for (String k : key) {
            if (!optionIds.contains(k)) {
                reader.problem(keyNode.get(), owner + ": the key names option " + k + ", which does not exist");
            }
        }
        if (key.isEmpty()) {
            reader.problem(keyNode.get(), owner + ": the key is empty");
        } else if (type == ItemType.SINGLE && key.size() != 1) {
            reader.problem(keyNode.get(), owner + ": a single item has exactly one key, not " + key.size());
        } else if (type == ItemType.MULTIPLE && key.size() == options.size()) {
            reader.problem(keyNode.get(), owner + ": a multiple item whose every option is right tests nothing");
        }
        return key;
    }
}
