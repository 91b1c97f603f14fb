package jp.mamori.identity;

import jp.mamori.shared.TranslatedException;

/** A request the user administration refuses, with the reason for the person who asked. */
public class UserAdministrationException extends TranslatedException {

    public UserAdministrationException(String messageKey, Object... params) {
        super(messageKey, params);
    }
}
