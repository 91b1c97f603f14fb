package jp.mamori.identity;

/** A CSV file that cannot be read at all (broken encoding, unclosed quote, too many rows): where and what. */
class CsvInputException extends Exception {

    private final int line;
    private final String messageKey;
    private final Object[] arguments;

    CsvInputException(int line, String messageKey, Object... arguments) {
        super("line " + line + ": " + messageKey);
        this.line = line;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    ImportProblem problem(ImportFile file) {
        return ImportProblem.at(file, line, null, messageKey, arguments);
    }
}
