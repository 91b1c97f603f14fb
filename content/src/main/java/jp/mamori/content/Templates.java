package jp.mamori.content;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills a template deck's {@code {{field}}} blanks with a company's values (or the samples until it has its own). */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z0-9_]+)\\s*}}");

    private Templates() {
    }

    /** Replaces every known placeholder; an unknown one stays visible so nobody reads a silently empty rule. */
    public static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The sample values a template deck ships with. */
    public static Map<String, String> samples(Deck deck) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        deck.templateFields().forEach(field -> values.put(field.id(), field.sample()));
        return values;
    }
}
