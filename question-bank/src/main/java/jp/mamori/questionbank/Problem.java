package jp.mamori.questionbank;

/** One thing wrong with a content file, located so an author can find it: {@code file:line: message}. */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
