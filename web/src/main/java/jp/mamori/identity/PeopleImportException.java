package jp.mamori.identity;

/** An import the service refuses to apply; the message is a translation key for the administrator. */
public class PeopleImportException extends RuntimeException {

    public PeopleImportException(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}
