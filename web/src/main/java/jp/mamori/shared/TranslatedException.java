package jp.mamori.shared;

/**
 * A request refused for a reason the person who asked can act on: the message is a translation key, shown with its
 * parameters.
 */
public abstract class TranslatedException extends RuntimeException {

    private final transient Object[] params;

    protected TranslatedException(String messageKey, Object... params) {
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
