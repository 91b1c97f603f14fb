package jp.mamori.identity;

/** A request the user administration refuses; the message is a translation key for the person who asked. */
public class UserAdministrationException extends RuntimeException {

    public UserAdministrationException(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}
