package jp.mamori.assignment;

import jp.mamori.shared.TranslatedException;

/** A plan change refused for a reason the person can fix; nothing was changed. */
public class PlanException extends TranslatedException {

    public PlanException(String messageKey, Object... params) {
        super(messageKey, params);
    }
}
