package jp.mamori.questionbank;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads an IMS content package of QTI 3.0, 2.2 or 2.1 items into Mamori items: single and multiple choice (true/false
 * as a single choice between {@code true} and {@code false}), both languages ({@code xml:lang}), the key, each
 * choice's inline feedback as its reason and the modal feedback as the rationale. Items exported by Mamori (LOM
 * identifier in the {@code mamori} catalog) come back with their id, version, status, domain, difficulty,
 * reference and date; other items arrive as drafts for an author to complete. Every other interaction is reported
 * as unsupported, and missing files, malformed XML and items without a correct response as problems by file and line.
 */
public final class QtiImporter {

    public static final String MANIFEST = "imsmanifest.xml";
    private static final Set<String> MANIFEST_NAMESPACES = Set.of(QtiVersion.V2P1.manifestNamespace(),
            QtiVersion.V3P0.manifestNamespace(), "http://www.imsglobal.org/xsd/imscp_v1p2");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "tr", "prompt", "contentBody");
    private static final Set<String> MEDIA = Set.of("img", "object", "math", "audio", "video", "iframe", "svg", "picture");
    private static final Set<String> NOT_IN_STEM = Set.of("simpleChoice", "feedbackInline", "feedbackBlock", "rubricBlock");

    public Imported read(Map<String, byte[]> files, LocalDate asOf) {
        List<Item> items = new ArrayList<>();
        List<Imported.Unsupported> unsupported = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        byte[] manifestBytes = files.get(MANIFEST);
        if (manifestBytes == null) {
            problems.add(new Problem(MANIFEST, 0, "missing: a QTI package has an imsmanifest.xml at its top level"));
            return new Imported(items, unsupported, problems);
        }
        Optional<XmlTree.Element> manifest = XmlTree.parse(MANIFEST, manifestBytes, problems);
        if (manifest.isEmpty()) {
            return new Imported(items, unsupported, problems);
        }
        XmlTree.Element root = manifest.get();
        if (!root.name.equals("manifest") || !MANIFEST_NAMESPACES.contains(root.namespace)) {
            problems.add(new Problem(MANIFEST, root.line, "not an IMS content package manifest: the root is <" + root.name
                    + "> in namespace '" + root.namespace + "'"));
            return new Imported(items, unsupported, problems);
        }
        Set<String> ids = new HashSet<>();
        List<XmlTree.Element> resources = root.first("resources").stream().flatMap(r -> r.elements("resource")).toList();
        for (XmlTree.Element resource : resources) {
            String type = resource.attribute("type");
            if (!type.startsWith("imsqti_item_xml")) {
                continue;
            }
            Optional<QtiVersion> version = switch (type) {
                case "imsqti_item_xmlv3p0" -> Optional.of(QtiVersion.V3P0);
                case "imsqti_item_xmlv2p1", "imsqti_item_xmlv2p2" -> Optional.of(QtiVersion.V2P1);
                default -> Optional.empty();
            };
            if (version.isEmpty()) {
                problems.add(new Problem(MANIFEST, resource.line, "resource " + resource.attribute("identifier") + ": " + type
                        + " is not a QTI version Mamori reads (2.1, 2.2 or 3.0)"));
                continue;
            }
            String href = href(resource);
            if (href.isEmpty()) {
                problems.add(new Problem(MANIFEST, resource.line, "resource " + resource.attribute("identifier") + " names no file (href)"));
                continue;
            }
            byte[] bytes = files.get(href);
            if (bytes == null) {
                problems.add(new Problem(MANIFEST, resource.line, "resource " + resource.attribute("identifier") + ": " + href
                        + " is not in the package"));
                continue;
            }
            Metadata metadata = Metadata.of(resource);
            XmlTree.parse(href, bytes, problems).ifPresent(item ->
                    convert(href, item, version.get(), metadata, asOf, ids, items, unsupported, problems));
        }
        if (resources.stream().noneMatch(r -> r.attribute("type").startsWith("imsqti_item_xml")) && problems.isEmpty()) {
            problems.add(new Problem(MANIFEST, root.line, "the manifest lists no QTI item (resource type imsqti_item_xmlv3p0, v2p2 or v2p1)"));
        }
        problems.addAll(ItemSet.duplicateIds(items));
        return new Imported(items, unsupported, problems);
    }

    private static String href(XmlTree.Element resource) {
        String href = resource.attribute("href");
        if (href.isEmpty()) {
            href = resource.first("file").map(f -> f.attribute("href")).orElse("");
        }
        return href.isEmpty() ? "" : ContentPackage.normalise(URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    private static void convert(String file, XmlTree.Element root, QtiVersion expected, Metadata metadata, LocalDate asOf,
                                Set<String> ids, List<Item> items, List<Imported.Unsupported> unsupported, List<Problem> problems) {
        if (!root.name.equals("assessmentItem")) {
            problems.add(new Problem(file, root.line, "not a QTI item: the root element is <" + root.name + ">"));
            return;
        }
        Optional<QtiVersion> actual = QtiVersion.ofNamespace(root.namespace);
        if (actual.isEmpty() || actual.get() != expected) {
            problems.add(new Problem(file, root.line, "the manifest lists a QTI " + expected.label() + " item, but the item's namespace is '"
                    + root.namespace + "'"));
            return;
        }
        String identifier = root.attribute("identifier");
        String name = identifier.isEmpty() ? "item at line " + root.line : identifier;
        Optional<XmlTree.Element> body = root.first("itemBody");
        if (body.isEmpty()) {
            problems.add(new Problem(file, root.line, name + ": the item has no itemBody"));
            return;
        }
        List<XmlTree.Element> interactions = body.get().descendants().filter(e -> e.name.endsWith("Interaction")).toList();
        Optional<XmlTree.Element> other = interactions.stream().filter(e -> !e.name.equals("choiceInteraction")).findFirst();
        if (other.isPresent()) {
            unsupported.add(new Imported.Unsupported(file, other.get().line, name, other.get().name));
            return;
        }
        if (interactions.size() != 1) {
            unsupported.add(new Imported.Unsupported(file, root.line, name, interactions.isEmpty() ? "no-interaction" : "multiple-interaction"));
            return;
        }
        Optional<XmlTree.Element> media = root.descendants().filter(e -> MEDIA.contains(e.name)).findFirst();
        if (media.isPresent()) {
            problems.add(new Problem(file, media.get().line, name + ": <" + media.get().name + "> content is not supported (items are text)"));
            return;
        }
        XmlTree.Element interaction = interactions.getFirst();
        String responseId = interaction.attribute("responseIdentifier");
        Optional<XmlTree.Element> declaration = root.elements("responseDeclaration")
                .filter(d -> d.attribute("identifier").equals(responseId)).findFirst();
        if (declaration.isEmpty()) {
            problems.add(new Problem(file, interaction.line, name + ": no responseDeclaration for the response '" + responseId + "'"));
            return;
        }
        String cardinality = declaration.get().attribute("cardinality");
        if (!cardinality.equals("single") && !cardinality.equals("multiple")) {
            unsupported.add(new Imported.Unsupported(file, declaration.get().line, name, cardinality + "-cardinality"));
            return;
        }
        List<String> correct = declaration.get().first("correctResponse").stream().flatMap(c -> c.elements("value"))
                .map(XmlTree.Element::text).filter(v -> !v.isEmpty()).toList();
        if (correct.isEmpty()) {
            problems.add(new Problem(file, declaration.get().line, name + ": the item has no correct response"));
            return;
        }
        List<XmlTree.Element> choices = interaction.elements("simpleChoice").toList();
        Set<String> choiceIds = new LinkedHashSet<>();
        choices.forEach(c -> choiceIds.add(c.attribute("identifier")));
        for (String value : correct) {
            if (!choiceIds.contains(value)) {
                problems.add(new Problem(file, declaration.get().line, name + ": the correct response names the choice " + value
                        + ", which does not exist"));
                return;
            }
        }
        boolean ours = metadata.mamoriId().isPresent();
        boolean trueFalse = cardinality.equals("single")
                && Set.of("true", "false").equals(Set.copyOf(choiceIds.stream().map(id -> id.toLowerCase(Locale.ROOT)).toList()))
                && choiceIds.size() == 2;
        if (!trueFalse && (choices.size() < 3 || choices.size() > 6)) {
            problems.add(new Problem(file, interaction.line, name + ": Mamori items have 3 to 6 options, this one has " + choices.size()));
            return;
        }
        if (cardinality.equals("single") && correct.size() != 1) {
            problems.add(new Problem(file, declaration.get().line, name + ": a single-choice item has " + correct.size() + " correct responses"));
            return;
        }
        // Mamori's own option ids come back as they were; other systems' choices become a, b, c, ... as authors write them.
        Map<String, String> optionIds = new LinkedHashMap<>();
        for (String choiceId : choiceIds) {
            optionIds.put(choiceId, trueFalse ? choiceId.toLowerCase(Locale.ROOT)
                    : ours ? unprefixed(choiceId) : String.valueOf((char) ('a' + optionIds.size())));
        }
        List<ItemOption> options = new ArrayList<>();
        if (!trueFalse) {
            for (XmlTree.Element choice : choices) {
                LocalizedText why = choice.first("feedbackInline").map(f -> text(f, e -> false)).filter(t -> !t.ja().isEmpty()).orElse(null);
                options.add(new ItemOption(optionIds.get(choice.attribute("identifier")), text(choice, e -> e.name.equals("feedbackInline")), why));
            }
        }
        Set<String> key = new LinkedHashSet<>();
        correct.forEach(value -> key.add(optionIds.get(value)));
        LocalizedText stem = text(body.get(), e -> NOT_IN_STEM.contains(e.name));
        if (stem.ja().isEmpty()) {
            problems.add(new Problem(file, body.get().line, name + ": the item has no question text"));
            return;
        }
        ItemType type = trueFalse ? ItemType.TRUE_FALSE : cardinality.equals("multiple") ? ItemType.MULTIPLE : ItemType.SINGLE;
        String id = metadata.mamoriId().orElseGet(() -> GiftImporter.uniqueId(GiftImporter.slug(identifier, "item-" + (items.size() + 1)), ids));
        ids.add(id);
        items.add(new Item(id, ours ? metadata.version() : 1, metadata.domain().orElse("imported"), metadata.difficulty().orElse(2),
                type, stem, options, key, rationale(root), ours ? metadata.reference() : "QTI " + file + " " + identifier,
                ours ? metadata.asOf().orElse(asOf) : asOf, ours ? metadata.status() : ItemStatus.DRAFT, false, "", file, root.line));
    }

    /** The rationale: the modal feedback Mamori writes, or else every modal feedback of the item. */
    private static LocalizedText rationale(XmlTree.Element root) {
        List<XmlTree.Element> feedback = root.elements("modalFeedback").toList();
        Optional<XmlTree.Element> ours = feedback.stream().filter(f -> f.attribute("identifier").equals(QtiExporter.RATIONALE)).findFirst();
        List<LocalizedText> texts = (ours.isPresent() ? List.of(ours.get()) : feedback).stream().map(f -> text(f, e -> false)).toList();
        String ja = String.join("\n", texts.stream().map(LocalizedText::ja).filter(t -> !t.isEmpty()).toList());
        String en = String.join("\n", texts.stream().map(LocalizedText::en).filter(t -> t != null && !t.isEmpty()).toList());
        return new LocalizedText(ja, en.isEmpty() ? null : en);
    }

    private static String unprefixed(String choiceId) {
        return choiceId.length() > 2 && choiceId.startsWith("C-") && !Character.isLetter(choiceId.charAt(2)) ? choiceId.substring(2) : choiceId;
    }

    /**
     * The plain text of an element in each language, read as a browser shows it: runs of white space are one space,
     * paragraphs and {@code <br/>} are line breaks. English is what is marked {@code xml:lang="en"}; everything else is
     * Japanese, and an item written in English only has that as its Japanese (required) text.
     */
    static LocalizedText text(XmlTree.Element element, Predicate<XmlTree.Element> skip) {
        StringBuilder ja = new StringBuilder();
        StringBuilder en = new StringBuilder();
        collect(element, skip, ja, en);
        String japanese = tidy(ja);
        String english = tidy(en);
        if (japanese.isEmpty() && !english.isEmpty()) {
            return LocalizedText.of(english);
        }
        return new LocalizedText(japanese, english.isEmpty() ? null : english);
    }

    private static void collect(XmlTree.Element element, Predicate<XmlTree.Element> skip, StringBuilder ja, StringBuilder en) {
        StringBuilder own = element.language().toLowerCase(Locale.ROOT).startsWith("en") ? en : ja;
        for (Object child : element.children) {
            if (child instanceof String text) {
                String collapsed = text.replaceAll("\\s+", " ");
                if (!collapsed.isBlank() || (!own.isEmpty() && own.charAt(own.length() - 1) != '\n' && own.charAt(own.length() - 1) != ' ')) {
                    own.append(collapsed);
                }
            } else if (child instanceof XmlTree.Element e && !skip.test(e)) {
                if (e.name.equals("br")) {
                    own.append('\n');
                    continue;
                }
                boolean block = BLOCKS.contains(e.name);
                if (block) {
                    lineBreak(ja);
                    lineBreak(en);
                }
                collect(e, skip, ja, en);
                if (block) {
                    lineBreak(ja);
                    lineBreak(en);
                }
            }
        }
    }

    private static void lineBreak(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    private static String tidy(StringBuilder text) {
        return text.toString().replaceAll(" *\n *", "\n").replaceAll("\n{2,}", "\n").strip();
    }

    /** What the manifest's LOM says about one item. */
    private record Metadata(Optional<String> mamoriId, int version, ItemStatus status, Optional<String> domain,
                            Optional<Integer> difficulty, String reference, Optional<LocalDate> asOf) {

        static Metadata of(XmlTree.Element resource) {
            Optional<XmlTree.Element> lom = resource.first("metadata").flatMap(m -> m.elements()
                    .filter(e -> e.name.equals("lom") && e.namespace.equals(QtiExporter.LOM_NAMESPACE)).findFirst());
            if (lom.isEmpty()) {
                return new Metadata(Optional.empty(), 1, ItemStatus.DRAFT, Optional.empty(), Optional.empty(), "", Optional.empty());
            }
            XmlTree.Element l = lom.get();
            Optional<String> id = path(l, "general", "identifier").filter(i -> i.first("catalog").map(XmlTree.Element::text)
                    .orElse("").equals(QtiExporter.CATALOG)).flatMap(i -> i.first("entry")).map(XmlTree.Element::text).filter(s -> !s.isEmpty());
            int version;
            try {
                version = Integer.parseInt(path(l, "lifeCycle", "version", "string").map(XmlTree.Element::text).orElse("1"));
            } catch (NumberFormatException e) {
                version = 1;
            }
            ItemStatus status = path(l, "lifeCycle", "status", "value").map(v -> QtiExporter.Lom.status(v.text())).orElse(ItemStatus.DRAFT);
            Optional<Integer> difficulty = path(l, "educational", "difficulty", "value").map(v -> QtiExporter.Lom.difficulty(v.text()));
            Optional<String> domain = l.elements("classification").flatMap(c -> c.elements("taxonPath"))
                    .filter(t -> t.first("source").flatMap(s -> s.first("string")).map(XmlTree.Element::text).orElse("")
                            .equals(QtiExporter.DOMAIN_TAXONOMY))
                    .flatMap(t -> t.elements("taxon")).flatMap(t -> t.elements("id")).map(XmlTree.Element::text)
                    .filter(s -> !s.isEmpty()).findFirst();
            String reference = l.elements("relation").flatMap(r -> r.elements("resource")).flatMap(r -> r.elements("description"))
                    .flatMap(d -> d.elements("string")).map(XmlTree.Element::text).findFirst().orElse("");
            Optional<LocalDate> asOf = path(l, "general", "coverage", "string").flatMap(c -> {
                try {
                    return Optional.of(LocalDate.parse(c.text()));
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            });
            return new Metadata(id, version, status, domain, difficulty, reference, asOf);
        }

        private static Optional<XmlTree.Element> path(XmlTree.Element from, String... names) {
            Optional<XmlTree.Element> at = Optional.of(from);
            for (String name : names) {
                at = at.flatMap(e -> e.first(name));
            }
            return at;
        }
    }
}
