package jp.mamori.questionbank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one QTI item file (already parsed) into a Mamori item, or records why it cannot: the first problem found, or
 * the unsupported interaction, located by file and line.
 */
final class QtiItemReader {

    private static final Set<String> MEDIA = Set.of("img", "object", "math", "audio", "video", "iframe", "svg", "picture");
    private static final Set<String> NOT_IN_STEM = Set.of("simpleChoice", "feedbackInline", "feedbackBlock", "rubricBlock");

    private final String file;
    private final XmlTree.Element root;
    private final List<Problem> problems;
    private final List<Imported.Unsupported> unsupported;
    private final String name;

    QtiItemReader(String file, XmlTree.Element root, List<Problem> problems, List<Imported.Unsupported> unsupported) {
        this.file = file;
        this.root = root;
        this.problems = problems;
        this.unsupported = unsupported;
        String identifier = root.attribute("identifier");
        this.name = identifier.isEmpty() ? "item at line " + root.line : identifier;
    }

    /** The item, given the version the manifest announced and its LOM metadata; {@code taken} are the ids used so far. */
    Optional<Item> read(QtiVersion expected, QtiImporter.Metadata metadata, LocalDate asOf, Set<String> taken) {
        if (!root.name.equals("assessmentItem")) {
            return refuse(root, "not a QTI item: the root element is <" + root.name + ">");
        }
        if (QtiVersion.ofNamespace(root.namespace).filter(v -> v == expected).isEmpty()) {
            return refuse(root, "the manifest lists a QTI " + expected.label() + " item, but the item's namespace is '" + root.namespace + "'");
        }
        Optional<XmlTree.Element> body = root.first("itemBody");
        if (body.isEmpty()) {
            return refuse(root, name + ": the item has no itemBody");
        }
        List<XmlTree.Element> interactions = body.get().descendants().filter(e -> e.name.endsWith("Interaction")).toList();
        Optional<XmlTree.Element> other = interactions.stream().filter(e -> !e.name.equals("choiceInteraction")).findFirst();
        if (other.isPresent()) {
            unsupported.add(new Imported.Unsupported(file, other.get().line, name, other.get().name));
            return Optional.empty();
        }
        if (interactions.size() != 1) {
            return refuse(body.get(), name + (interactions.isEmpty() ? ": the item has no interaction"
                    : ": the item has " + interactions.size() + " choice interactions; a Mamori item has one"));
        }
        Optional<XmlTree.Element> media = root.descendants().filter(e -> MEDIA.contains(e.name)).findFirst();
        if (media.isPresent()) {
            return refuse(media.get(), name + ": <" + media.get().name + "> content is not supported (items are text)");
        }
        return choices(interactions.getFirst(), body.get(), metadata, asOf, taken);
    }

    private Optional<Item> choices(XmlTree.Element interaction, XmlTree.Element body, QtiImporter.Metadata metadata, LocalDate asOf,
                                   Set<String> taken) {
        String responseId = interaction.attribute("responseIdentifier");
        Optional<XmlTree.Element> found = root.elements("responseDeclaration")
                .filter(d -> d.attribute("identifier").equals(responseId)).findFirst();
        if (found.isEmpty()) {
            return refuse(interaction, name + ": no responseDeclaration for the response '" + responseId + "'");
        }
        XmlTree.Element declaration = found.get();
        String cardinality = declaration.attribute("cardinality");
        if (!cardinality.equals("single") && !cardinality.equals("multiple")) {
            return refuse(declaration, name + ": the response's cardinality is '" + cardinality + "'; Mamori reads single or multiple");
        }
        List<String> correct = declaration.first("correctResponse").stream().flatMap(c -> c.elements("value"))
                .map(XmlTree.Element::text).filter(v -> !v.isEmpty()).toList();
        if (correct.isEmpty()) {
            return refuse(declaration, name + ": the item has no correct response");
        }
        List<XmlTree.Element> choices = interaction.elements("simpleChoice").toList();
        Set<String> choiceIds = new LinkedHashSet<>();
        choices.forEach(c -> choiceIds.add(c.attribute("identifier")));
        Optional<String> unknown = correct.stream().filter(value -> !choiceIds.contains(value)).findFirst();
        if (unknown.isPresent()) {
            return refuse(declaration, name + ": the correct response names the choice " + unknown.get() + ", which does not exist");
        }
        boolean trueFalse = cardinality.equals("single") && choiceIds.size() == 2
                && Set.of("true", "false").equals(Set.copyOf(choiceIds.stream().map(id -> id.toLowerCase(Locale.ROOT)).toList()));
        if (!trueFalse && (choices.size() < 3 || choices.size() > 6)) {
            return refuse(interaction, name + ": Mamori items have 3 to 6 options, this one has " + choices.size());
        }
        if (cardinality.equals("single") && correct.size() != 1) {
            return refuse(declaration, name + ": a single-choice item has " + correct.size() + " correct responses");
        }
        LocalizedText stem = QtiImporter.text(body, e -> NOT_IN_STEM.contains(e.name));
        if (stem.ja().isEmpty()) {
            return refuse(body, name + ": the item has no question text");
        }
        boolean ours = metadata.mamoriId().isPresent();
        // Mamori's own option ids come back as they were; other systems' choices become a, b, c, ... as authors write them.
        Map<String, String> optionIds = new LinkedHashMap<>();
        for (String choiceId : choiceIds) {
            optionIds.put(choiceId, trueFalse ? choiceId.toLowerCase(Locale.ROOT)
                    : ours ? unprefixed(choiceId) : String.valueOf((char) ('a' + optionIds.size())));
        }
        List<ItemOption> options = new ArrayList<>();
        for (XmlTree.Element choice : trueFalse ? List.<XmlTree.Element>of() : choices) {
            LocalizedText why = choice.first("feedbackInline").map(f -> QtiImporter.text(f, e -> false))
                    .filter(t -> !t.ja().isEmpty()).orElse(null);
            options.add(new ItemOption(optionIds.get(choice.attribute("identifier")),
                    QtiImporter.text(choice, e -> e.name.equals("feedbackInline")), why));
        }
        Set<String> key = new LinkedHashSet<>();
        correct.forEach(value -> key.add(optionIds.get(value)));
        ItemType type = trueFalse ? ItemType.TRUE_FALSE : cardinality.equals("multiple") ? ItemType.MULTIPLE : ItemType.SINGLE;
        String identifier = root.attribute("identifier");
        String id = metadata.mamoriId().orElseGet(() ->
                GiftImporter.uniqueId(GiftImporter.slug(identifier, "item-" + root.line), new HashSet<>(taken)));
        return Optional.of(new Item(id, ours ? metadata.version() : 1, metadata.domain().orElse("imported"),
                metadata.difficulty().orElse(2), type, stem, options, key, rationale(),
                ours ? metadata.reference() : "QTI " + file + " " + identifier, ours ? metadata.asOf().orElse(asOf) : asOf,
                ours ? metadata.status() : ItemStatus.DRAFT, false, "", file, root.line));
    }

    /** The rationale: the modal feedback Mamori writes, or else every modal feedback of the item. */
    private LocalizedText rationale() {
        List<XmlTree.Element> feedback = root.elements("modalFeedback").toList();
        Optional<XmlTree.Element> ours = feedback.stream().filter(f -> f.attribute("identifier").equals(QtiExporter.RATIONALE)).findFirst();
        List<LocalizedText> texts = (ours.isPresent() ? List.of(ours.get()) : feedback).stream().map(f -> QtiImporter.text(f, e -> false)).toList();
        String ja = String.join("\n", texts.stream().map(LocalizedText::ja).filter(t -> !t.isEmpty()).toList());
        String en = String.join("\n", texts.stream().map(LocalizedText::en).filter(t -> t != null && !t.isEmpty()).toList());
        return new LocalizedText(ja, en.isEmpty() ? null : en);
    }

    private static String unprefixed(String choiceId) {
        return choiceId.length() > 2 && choiceId.startsWith("C-") && !Character.isLetter(choiceId.charAt(2)) ? choiceId.substring(2) : choiceId;
    }

    private Optional<Item> refuse(XmlTree.Element at, String message) {
        problems.add(new Problem(file, at.line, message));
        return Optional.empty();
    }
}
