package jp.mamori.questionbank;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
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
            XmlTree.parse(href, bytes, problems)
                    .flatMap(item -> new QtiItemReader(href, item, problems, unsupported).read(version.get(), metadata, asOf, ids))
                    .ifPresent(item -> {
                        items.add(item);
                        ids.add(item.id());
                    });
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
    record Metadata(Optional<String> mamoriId, int version, ItemStatus status, Optional<String> domain,
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
