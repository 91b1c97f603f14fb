package jp.mamori.attestation;

/** A signature refused for a reason the examiner can fix; the message is a translation key. */
public class DeclarationException extends RuntimeException {

    private final transient Object[] params;

    public DeclarationException(String messageKey, Object... params) {
        super(messageKey);
        this.params = params.clone();
    }

    public Object[] params() {
        return params.clone();
    }
}
