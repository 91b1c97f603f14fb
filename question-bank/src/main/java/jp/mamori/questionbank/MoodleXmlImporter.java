package jp.mamori.questionbank;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Moodle XML question exports into draft items: multichoice (single answer, or several answers with positive
 * fractions as partial credit) and truefalse. Every other question type is reported by line and name.
 * DTDs and external entities are refused, so a file cannot make the importer read anything else.
 */
public final class MoodleXmlImporter {

    private static final Set<String> SKIPPED_SILENTLY = Set.of("category", "description");
    private static final Pattern MULTILANG = Pattern.compile(
            "<span\\b(?=[^>]*\\bclass=\"multilang\")[^>]*\\blang=\"([A-Za-z_-]+)\"[^>]*>(.*?)</span>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    public Imported read(String file, String xml, LocalDate asOf) {
        List<Item> items = new ArrayList<>();
        List<Imported.Unsupported> unsupported = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String domain = "imported";
        try {
            XMLStreamReader reader = factory().createXMLStreamReader(new StringReader(xml));
            Deque<String> path = new ArrayDeque<>();
            Question question = null;
            Answer answer = null;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    path.push(name);
                    text.setLength(0);
                    if (name.equals("question")) {
                        question = new Question(reader.getLocation().getLineNumber(),
                                String.valueOf(reader.getAttributeValue(null, "type")));
                    } else if (name.equals("answer") && question != null) {
                        answer = new Answer(parseFraction(reader.getAttributeValue(null, "fraction")));
                        question.answers.add(answer);
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    String parent = path.peek();
                    if (name.equals("text") && question != null) {
                        String value = text.toString();
                        switch (String.valueOf(parent)) {
                            case "name" -> question.name = plain(value);
                            case "questiontext" -> question.stem = value;
                            case "generalfeedback" -> question.general = value;
                            case "category" -> domain = GiftImporter.slug(plain(value).replaceAll(".*/", ""), "imported");
                            case "answer" -> {
                                if (answer != null) {
                                    answer.text = value;
                                }
                            }
                            case "feedback" -> {
                                if (answer != null && path.size() >= 2) {
                                    answer.feedback = value;
                                }
                            }
                            default -> { }
                        }
                    } else if (name.equals("single") && question != null) {
                        question.single = !text.toString().strip().equalsIgnoreCase("false");
                    } else if (name.equals("answer")) {
                        answer = null;
                    } else if (name.equals("question") && question != null) {
                        convert(file, question, domain, asOf, ids, items, unsupported, problems);
                        question = null;
                    }
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            problems.add(new Problem(file, line, "not well-formed XML: " + e.getMessage().replaceAll("(?s)^ParseError.*?Message: ", "")));
        }
        return new Imported(items, unsupported, problems);
    }

    private static void convert(String file, Question q, String domain, LocalDate asOf, Set<String> ids, List<Item> items,
                                List<Imported.Unsupported> unsupported, List<Problem> problems) {
        String name = q.name == null || q.name.isBlank() ? "question at line " + q.line : q.name;
        if (SKIPPED_SILENTLY.contains(q.type)) {
            return;
        }
        if (!q.type.equals("multichoice") && !q.type.equals("truefalse")) {
            unsupported.add(new Imported.Unsupported(file, q.line, name, q.type));
            return;
        }
        if (q.stem == null || plain(q.stem).isBlank()) {
            problems.add(new Problem(file, q.line, name + ": the question has no text"));
            return;
        }
        String id = GiftImporter.uniqueId(GiftImporter.slug(name, "item-" + q.line), ids);
        String reference = "Moodle XML " + file + " \"" + name + "\"";
        LocalizedText general = localized(q.general);
        LocalizedText stem = localized(q.stem);
        if (q.type.equals("truefalse")) {
            Answer right = q.answers.stream().filter(a -> a.fraction > 0).findFirst().orElse(null);
            if (right == null || right.text == null) {
                problems.add(new Problem(file, q.line, name + ": no answer has a positive fraction"));
                return;
            }
            boolean truth = plain(right.text).equalsIgnoreCase("true");
            items.add(new Item(id, 1, domain, 2, ItemType.TRUE_FALSE, stem, List.of(),
                    Set.of(truth ? "true" : "false"), general, reference, asOf, ItemStatus.DRAFT, false, "", file, q.line));
            return;
        }
        List<ItemOption> options = new ArrayList<>();
        Set<String> key = new LinkedHashSet<>();
        for (int n = 0; n < q.answers.size(); n++) {
            Answer a = q.answers.get(n);
            String optionId = String.valueOf((char) ('a' + n));
            LocalizedText why = localized(a.feedback);
            options.add(new ItemOption(optionId, localized(a.text), why.ja().isBlank() ? null : why));
            if (a.fraction > 0) {
                key.add(optionId);
            }
        }
        if (key.isEmpty()) {
            problems.add(new Problem(file, q.line, name + ": no answer has a positive fraction"));
            return;
        }
        if (options.size() < 3 || options.size() > 6) {
            problems.add(new Problem(file, q.line, name + ": Mamori items have 3 to 6 options, this one has " + options.size()));
            return;
        }
        if (q.single && key.size() > 1) {
            problems.add(new Problem(file, q.line, name + ": marked single but " + key.size() + " answers have a positive fraction"));
            return;
        }
        items.add(new Item(id, 1, domain, 2, q.single ? ItemType.SINGLE : ItemType.MULTIPLE, stem,
                options, key, general, reference, asOf, ItemStatus.DRAFT, false, "", file, q.line));
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static double parseFraction(String raw) {
        try {
            return raw == null ? 0 : Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A Moodle text in Japanese and English: with multi-language spans ({@code <span lang="en" class="multilang">}) the
     * English span is the English text and the others the Japanese; without them all of it is Japanese.
     */
    static LocalizedText localized(String html) {
        if (html == null) {
            return LocalizedText.of("");
        }
        StringBuilder ja = new StringBuilder();
        StringBuilder en = new StringBuilder();
        Matcher span = MULTILANG.matcher(html);
        while (span.find()) {
            (span.group(1).toLowerCase(Locale.ROOT).startsWith("en") ? en : ja).append(span.group(2));
        }
        if (ja.isEmpty() && en.isEmpty()) {
            return LocalizedText.of(plain(html));
        }
        String english = plain(en.toString());
        return ja.isEmpty() ? LocalizedText.of(english) : new LocalizedText(plain(ja.toString()), english.isEmpty() ? null : english);
    }

    /** Moodle stores HTML; items are plain text: tags become spaces or line breaks, common entities are decoded. */
    static String plain(String html) {
        return html.replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }

    private static final class Question {
        final int line;
        final String type;
        String name;
        String stem;
        String general;
        boolean single = true;
        final List<Answer> answers = new ArrayList<>();

        Question(int line, String type) {
            this.line = line;
            this.type = type.toLowerCase(Locale.ROOT);
        }
    }

    private static final class Answer {
        final double fraction;
        String text;
        String feedback;

        Answer(double fraction) {
            this.fraction = fraction;
        }
    }
}
