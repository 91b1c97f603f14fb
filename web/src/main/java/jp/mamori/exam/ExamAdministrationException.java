package jp.mamori.exam;

/** An administration request refused for a reason the admin can fix; the message is a translation key. */
public class ExamAdministrationException extends RuntimeException {

    private final transient Object[] params;

    public ExamAdministrationException(String messageKey, Object... params) {
        super(messageKey);
        this.params = params.clone();
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] params() {
        return params.clone();
    }
}
