package jp.mamori.identity;

import java.io.Serial;
import org.springframework.security.authentication.AccountStatusException;

/**
 * Login with a password refused because local login is turned off and the address is not a break-glass one. Raised
 * only after the password was right, so only the account holder learns to use single sign-on instead.
 */
public class LocalLoginClosedException extends AccountStatusException {

    @Serial
    private static final long serialVersionUID = 1L;

    public LocalLoginClosedException(String email) {
        super("local login is turned off for " + email);
    }
}
