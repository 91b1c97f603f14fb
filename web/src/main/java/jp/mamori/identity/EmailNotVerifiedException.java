package jp.mamori.identity;

import java.io.Serial;
import org.springframework.security.authentication.AccountStatusException;

/**
 * Login refused because the self-registered account has not confirmed its e-mail address yet. Raised only after
 * the password was right, so the login page may say so and offer to send the link again to {@link #email()}.
 */
public class EmailNotVerifiedException extends AccountStatusException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String email;

    public EmailNotVerifiedException(String email) {
        super("e-mail address not verified: " + email);
        this.email = email;
    }

    public String email() {
        return email;
    }
}
