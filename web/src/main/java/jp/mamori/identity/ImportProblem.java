package jp.mamori.identity;

import java.util.Arrays;
import java.util.List;

/**
 * One thing wrong with an import file, at a line (1 = the header; 0 = not tied to a line) and a column (the header
 * as written in the file, or null for the whole line). The message is a translation key with its arguments.
 */
public record ImportProblem(ImportFile file, int line, String column, String messageKey, List<String> arguments) {

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    static ImportProblem at(ImportFile file, int line, String column, String messageKey, Object... arguments) {
        return new ImportProblem(file, line, column, messageKey,
                Arrays.stream(arguments).map(String::valueOf).toList());
    }

    @Override
    public String toString() {
        return file + " line " + line + (column == null ? "" : ", column " + column) + ": " + messageKey + " " + arguments;
    }
}
