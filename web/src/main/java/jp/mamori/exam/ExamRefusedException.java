package jp.mamori.exam;

/** A request the attempt does not accept (after the deadline, an item not in the attempt, someone else's attempt). */
public class ExamRefusedException extends RuntimeException {

    private final transient Object[] params;

    /** For refusals the candidate sees, the message is a translation key ({@code exam.refused.*}) for these parameters. */
    public ExamRefusedException(String message, Object... params) {
        super(message);
        this.params = params.clone();
    }

    public Object[] params() {
        return params.clone();
    }
}
