package jp.mamori.identity;

import java.util.Map;

/** A registration or resend request that was refused; each problem is a translation key, by the field it concerns. */
public class RegistrationException extends RuntimeException {

    private final transient Map<Registration.Field, String> problems;

    RegistrationException(Map<Registration.Field, String> problems) {
        super("registration refused: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public Map<Registration.Field, String> problems() {
        return problems;
    }
}
