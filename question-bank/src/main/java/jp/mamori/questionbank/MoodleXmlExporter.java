package jp.mamori.questionbank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes items as a Moodle XML question file: a category per domain ({@code $course$/top/<domain>}), multichoice
 * (single or multiple answer) and truefalse questions with each answer's feedback (the option's reason) and the
 * general feedback (the rationale). Texts with English carry both languages in Moodle's multi-language spans
 * ({@code <span lang="ja" class="multilang">}), which Moodle's multi-language filter shows in the reader's language.
 * A multiple-answer question shares 100 % among the right answers and takes 100 % for any wrong one, so only exactly
 * the key earns the full mark (Moodle gives partial credit where Mamori gives none).
 */
public final class MoodleXmlExporter {

    private MoodleXmlExporter() {
    }

    public static String export(List<Item> items) {
        Map<String, List<Item>> byDomain = new LinkedHashMap<>();
        items.forEach(item -> byDomain.computeIfAbsent(item.domain(), d -> new java.util.ArrayList<>()).add(item));
        XmlWriter xml = new XmlWriter().start("quiz");
        byDomain.forEach((domain, inDomain) -> {
            xml.start("question", "type", "category").start("category").text("text", "$course$/top/" + domain).end().end();
            inDomain.forEach(item -> question(xml, item));
        });
        return xml.end().toString();
    }

    private static void question(XmlWriter xml, Item item) {
        boolean trueFalse = item.type() == ItemType.TRUE_FALSE;
        xml.start("question", "type", trueFalse ? "truefalse" : "multichoice")
                .start("name").text("text", item.id()).end();
        html(xml, "questiontext", item.stem());
        html(xml, "generalfeedback", item.rationale());
        xml.text("defaultgrade", "1").text("penalty", "0").text("hidden", "0").text("idnumber", item.id());
        if (trueFalse) {
            for (ItemOption choice : item.choices()) {
                xml.start("answer", "fraction", item.key().contains(choice.id()) ? "100" : "0", "format", "moodle_auto_format")
                        .text("text", choice.id()).start("feedback", "format", "html").text("text", "").end().end();
            }
            xml.end();
            return;
        }
        boolean single = item.type() == ItemType.SINGLE;
        xml.text("single", String.valueOf(single)).text("shuffleanswers", "true").text("answernumbering", "abc")
                .text("showstandardinstruction", "0");
        String right = fraction(100.0 / item.key().size());
        for (ItemOption option : item.options()) {
            boolean correct = item.key().contains(option.id());
            xml.start("answer", "fraction", correct ? right : single ? "0" : "-100", "format", "html")
                    .text("text", html(option.text()));
            html(xml, "feedback", option.why() == null ? LocalizedText.of("") : option.why());
            xml.end();
        }
        xml.end();
    }

    private static void html(XmlWriter xml, String element, LocalizedText text) {
        xml.start(element, "format", "html").text("text", html(text)).end();
    }

    /** Moodle keeps HTML: the plain text escaped, line breaks as {@code <br>}, English beside Japanese in multilang spans. */
    static String html(LocalizedText text) {
        String ja = escape(text.ja());
        if (text.en() == null || text.en().isBlank()) {
            return ja;
        }
        return "<span lang=\"ja\" class=\"multilang\">" + ja + "</span><span lang=\"en\" class=\"multilang\">" + escape(text.en()) + "</span>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
    }

    /** Moodle accepts fractions such as 50, 33.33333 or 25 (five decimals at most). */
    private static String fraction(double percent) {
        return String.format(Locale.ROOT, "%.5f", percent).replaceAll("\\.?0+$", "");
    }
}
