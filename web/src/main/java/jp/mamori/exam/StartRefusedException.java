package jp.mamori.exam;

import jp.mamori.shared.TranslatedException;

/**
 * A new attempt the candidate may not start now (no attempts left, still waiting, no open booked window, no such
 * exam), with the reason for the candidate ({@code exam.refused.*}).
 */
public class StartRefusedException extends TranslatedException {

    StartRefusedException(String messageKey, Object... params) {
        super(messageKey, params);
    }
}
