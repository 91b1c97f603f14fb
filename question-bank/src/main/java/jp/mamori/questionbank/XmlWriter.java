package jp.mamori.questionbank;

import java.util.ArrayDeque;
import java.util.Deque;

/** Writes indented XML with escaped text and attributes; attributes are given as name, value pairs (null values left out). */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    XmlWriter start(String name, String... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        out.append(">\n");
        open.push(name);
        return this;
    }

    XmlWriter empty(String name, String... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        out.append("/>\n");
        return this;
    }

    /** An element holding only text. */
    XmlWriter text(String name, String text, String... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        out.append('>').append(escape(text)).append("</").append(name).append(">\n");
        return this;
    }

    /** An element holding text in which line breaks are kept as {@code <br/>} (HTML paragraphs). */
    XmlWriter paragraph(String name, String text, String... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        out.append('>').append(escape(text).replace("\n", "<br/>")).append("</").append(name).append(">\n");
        return this;
    }

    XmlWriter end() {
        String name = open.pop();
        indent().append("</").append(name).append(">\n");
        return this;
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements left open: " + open);
        }
        return out.toString();
    }

    private StringBuilder indent() {
        return out.repeat("  ", open.size());
    }

    private void attributes(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs: " + String.join(", ", pairs));
        }
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.append(' ').append(pairs[i]).append("=\"").append(escape(pairs[i + 1])).append('"');
            }
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("\r", "");
    }
}
