package jp.mamori.questionbank;

/**
 * One thing wrong with a content file, located so an author can find it: {@code file:line: message}, or
 * {@code file: message} (line 0) when it concerns the file as a whole.
 */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
