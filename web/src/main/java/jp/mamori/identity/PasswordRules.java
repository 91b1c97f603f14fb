package jp.mamori.identity;

import java.util.Optional;

/** What a new password must satisfy; returns the translation key of the first rule broken. */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    static Optional<String> problem(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.error.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.error.too-long");
        }
        if (password.isBlank() || password.equalsIgnoreCase(email)) {
            return Optional.of("password.error.like-email");
        }
        return Optional.empty();
    }
}
