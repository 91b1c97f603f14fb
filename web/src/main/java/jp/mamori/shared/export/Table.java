package jp.mamori.shared.export;

import java.util.List;

/**
 * A table as people export it: a title (the file and sheet name), the column headers as shown, and the rows as shown.
 * Cells are {@code String}, {@code Number}, {@code Boolean}, {@code LocalDate}, {@code Instant} (written in Japan
 * time) or {@code null}.
 */
public record Table(String title, List<String> headers, List<List<Object>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        for (List<Object> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("a row of " + title + " has " + row.size() + " cells for " + headers.size() + " columns");
            }
        }
    }
}
