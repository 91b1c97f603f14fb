package jp.mamori.exam;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes the item analysis as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break) in UTF-8 with a byte order mark, so that Excel opens the Japanese stems correctly.
 * One row per item; one {@code X_count} column per option id found in any item; the undefined correlation is empty.
 */
final class ItemAnalysisCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ItemAnalysisCsv() {
    }

    static byte[] write(List<ItemStatistics> items) {
        TreeSet<String> optionIds = items.stream().flatMap(i -> i.options().stream()).map(OptionCount::optionId)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> header = new ArrayList<>(List.of("item_id", "version", "domain", "difficulty", "type", "n", "p", "r"));
        optionIds.forEach(id -> header.add(id.toUpperCase(Locale.ROOT) + "_count"));
        header.addAll(List.of("unanswered", "key", "flags", "stem_ja"));
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        for (ItemStatistics item : items) {
            List<String> row = new ArrayList<>(List.of(item.itemId(), String.valueOf(item.version()), item.domain(),
                    String.valueOf(item.difficulty()), item.type().yamlName(), String.valueOf(item.n()),
                    String.format(Locale.ROOT, "%.3f", item.pValue()),
                    item.discrimination().isPresent() ? String.format(Locale.ROOT, "%.3f", item.discrimination().getAsDouble()) : ""));
            for (String id : optionIds) {
                row.add(item.options().stream().filter(o -> o.optionId().equals(id)).findFirst()
                        .map(o -> String.valueOf(o.count())).orElse(""));
            }
            row.add(String.valueOf(item.unanswered()));
            row.add(item.options().stream().filter(OptionCount::key).map(o -> o.optionId().toUpperCase(Locale.ROOT))
                    .collect(Collectors.joining(",")));
            row.add(item.flags().stream().map(ItemFlag::name).collect(Collectors.joining(" ")));
            row.add(item.stem().ja());
            line(csv, row);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(ItemAnalysisCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }
}
