package jp.mamori.exam;

/** A request the attempt does not accept (after the deadline, an item not in the attempt, someone else's attempt). */
public class ExamRefusedException extends RuntimeException {

    public ExamRefusedException(String message) {
        super(message);
    }
}
