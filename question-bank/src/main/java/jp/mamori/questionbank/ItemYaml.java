package jp.mamori.questionbank;

import java.util.List;

/** Writes items in the bank's YAML format (every text double-quoted), so imported items can be read back as-is. */
public final class ItemYaml {

    private ItemYaml() {
    }

    public static String write(List<Item> items) {
        StringBuilder out = new StringBuilder("items:\n");
        for (Item item : items) {
            out.append("  - id: ").append(item.id()).append('\n')
                    .append("    version: ").append(item.version()).append('\n')
                    .append("    domain: ").append(item.domain()).append('\n')
                    .append("    difficulty: ").append(item.difficulty()).append('\n')
                    .append("    type: ").append(item.type().yamlName()).append('\n')
                    .append("    stem: ").append(text(item.stem())).append('\n');
            if (item.type() != ItemType.TRUE_FALSE) {
                out.append("    options:\n");
                for (ItemOption option : item.options()) {
                    out.append("      - id: ").append(option.id()).append('\n')
                            .append("        text: ").append(text(option.text())).append('\n');
                    if (option.why() != null && !option.why().ja().isBlank()) {
                        out.append("        why: ").append(text(option.why())).append('\n');
                    }
                }
                out.append("    key: [").append(String.join(", ", item.key().stream().sorted().toList())).append("]\n");
            } else {
                out.append("    key: ").append(item.key().iterator().next()).append('\n');
            }
            if (!item.rationale().ja().isBlank()) {
                out.append("    rationale: ").append(text(item.rationale())).append('\n');
            }
            if (!item.reference().isBlank()) {
                out.append("    reference: ").append(quote(item.reference())).append('\n');
            }
            out.append("    as_of: ").append(item.asOf()).append('\n')
                    .append("    status: ").append(item.status().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        }
        return out.toString();
    }

    /** The bank file an import of {@code source} becomes: its name with {@code .yaml} instead of its extension. */
    public static String fileName(String source) {
        return source.replaceAll("\\.[^.]+$", "") + ".yaml";
    }

    private static String text(LocalizedText text) {
        return text.en() == null || text.en().isBlank()
                ? "{ja: " + quote(text.ja()) + "}"
                : "{ja: " + quote(text.ja()) + ", en: " + quote(text.en()) + "}";
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> { }
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
