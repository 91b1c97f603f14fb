package jp.mamori.identity;

import jp.mamori.shared.TranslatedException;

/** An import the service refuses to apply, for a reason the administrator can fix. */
public class PeopleImportException extends TranslatedException {

    public PeopleImportException(String messageKey, Object... params) {
        super(messageKey, params);
    }
}
