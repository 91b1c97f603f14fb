package jp.mamori.catalog;

/** The rules cannot be saved as given; {@code messageKey} says why and {@code field} which blank. */
public class CompanyRulesException extends RuntimeException {

    private final String field;

    public CompanyRulesException(String messageKey, String field) {
        super(messageKey);
        this.field = field;
    }

    public String messageKey() {
        return getMessage();
    }

    public String field() {
        return field;
    }
}
