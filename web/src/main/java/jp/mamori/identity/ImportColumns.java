package jp.mamori.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of the two import files, by their English header and the Japanese headers accepted for them
 * (docs/people-import.md). Reads a header row into the position of each known column.
 */
final class ImportColumns {

    static final String CODE = "code";
    static final String NAME = "name";
    static final String PARENT_CODE = "parent_code";
    static final String MANAGER_EMAIL = "manager_email";
    static final String EMAIL = "email";
    static final String DEPARTMENT_CODE = "department_code";
    static final String ROLES = "roles";
    static final String LANGUAGE = "language";
    static final String STATUS = "status";

    private static final Map<String, String> DEPARTMENT_HEADERS = Map.of(
            "code", CODE, "部署コード", CODE,
            "name", NAME, "部署名", NAME,
            "parent_code", PARENT_CODE, "親部署コード", PARENT_CODE,
            "manager_email", MANAGER_EMAIL, "責任者メールアドレス", MANAGER_EMAIL);
    private static final Set<String> DEPARTMENT_REQUIRED = Set.of(CODE, NAME);

    private static final Map<String, String> PEOPLE_HEADERS = Map.ofEntries(
            Map.entry("email", EMAIL), Map.entry("メールアドレス", EMAIL),
            Map.entry("name", NAME), Map.entry("氏名", NAME),
            Map.entry("department_code", DEPARTMENT_CODE), Map.entry("部署コード", DEPARTMENT_CODE),
            Map.entry("roles", ROLES), Map.entry("役割", ROLES),
            Map.entry("language", LANGUAGE), Map.entry("言語", LANGUAGE),
            Map.entry("status", STATUS), Map.entry("状態", STATUS));
    private static final Set<String> PEOPLE_REQUIRED = Set.of(EMAIL, NAME, DEPARTMENT_CODE);

    private ImportColumns() {
    }

    /** Where each column is, and the header text as written (for messages that name a column). */
    record Header(Map<String, Integer> positions, Map<String, String> written, int width) {

        boolean has(String column) {
            return positions.containsKey(column);
        }

        /** The cell of this column in a row, stripped; empty when the file has no such column. */
        String value(CsvRecords.Row row, String column) {
            Integer position = positions.get(column);
            return position == null ? "" : row.fields().get(position).strip();
        }

        String name(String column) {
            return written.getOrDefault(column, column);
        }
    }

    /** Reads the header row; every unknown, repeated or missing column is added to {@code problems}. */
    static Header read(ImportFile file, CsvRecords.Row headerRow, List<ImportProblem> problems) {
        Map<String, String> aliases = file == ImportFile.DEPARTMENTS ? DEPARTMENT_HEADERS : PEOPLE_HEADERS;
        Set<String> required = file == ImportFile.DEPARTMENTS ? DEPARTMENT_REQUIRED : PEOPLE_REQUIRED;
        Map<String, Integer> positions = new HashMap<>();
        Map<String, String> written = new HashMap<>();
        List<String> fields = headerRow.fields();
        for (int i = 0; i < fields.size(); i++) {
            String text = fields.get(i).strip();
            String column = aliases.get(text.toLowerCase(Locale.ROOT));
            if (column == null) {
                problems.add(ImportProblem.at(file, headerRow.line(), text, "import.error.column-unknown",
                        String.join(", ", expected(aliases))));
            } else if (positions.putIfAbsent(column, i) != null) {
                problems.add(ImportProblem.at(file, headerRow.line(), text, "import.error.column-repeated"));
            } else {
                written.put(column, text);
            }
        }
        required.stream().sorted().filter(column -> !positions.containsKey(column)).forEach(column ->
                problems.add(ImportProblem.at(file, headerRow.line(), column, "import.error.column-missing")));
        return new Header(positions, written, fields.size());
    }

    private static List<String> expected(Map<String, String> aliases) {
        List<String> english = new ArrayList<>(aliases.keySet().stream().filter(h -> h.chars().allMatch(c -> c < 128)).toList());
        english.sort(null);
        return english;
    }
}
