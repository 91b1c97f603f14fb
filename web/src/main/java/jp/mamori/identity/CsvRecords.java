package jp.mamori.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: comma-separated fields, double quotes around fields that hold commas, quotes ("" inside) or
 * line breaks; CRLF, LF or CR ends a record. Blank lines are skipped. Each record knows the line it starts on.
 */
final class CsvRecords {

    private CsvRecords() {
    }

    record Row(int line, List<String> fields) {
    }

    /**
     * The header and at most {@code maxDataRows} data rows; one more row stops reading with the limit message,
     * so a huge file is refused without being read to its end.
     */
    static List<Row> parse(String text, int maxDataRows) throws CsvInputException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        boolean afterQuote = false;
        int line = 1;
        int recordLine = 1;
        int length = text.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : '\n';
            boolean end = i == length;
            if (inQuotes && !end) {
                if (c == '"') {
                    if (i + 1 < length && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (inQuotes) {
                throw new CsvInputException(recordLine, "import.error.quote-unclosed");
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quoted = false;
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                boolean blank = fields.size() == 1 && fields.getFirst().isEmpty() && !quoted;
                if (!blank) {
                    if (rows.size() > maxDataRows) {
                        throw new CsvInputException(recordLine, "import.error.too-many-rows", maxDataRows);
                    }
                    rows.add(new Row(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                quoted = false;
                afterQuote = false;
                line++;
                recordLine = line;
            } else if (c == '"' && field.isEmpty() && !quoted) {
                inQuotes = true;
                quoted = true;
            } else if (afterQuote) {
                throw new CsvInputException(line, "import.error.text-after-quote");
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
