package jp.mamori.exam;

import jp.mamori.shared.TranslatedException;

/** An administration request refused for a reason the admin can fix. */
public class ExamAdministrationException extends TranslatedException {

    public ExamAdministrationException(String messageKey, Object... params) {
        super(messageKey, params);
    }
}
