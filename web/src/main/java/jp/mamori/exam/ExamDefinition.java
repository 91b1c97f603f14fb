package jp.mamori.exam;

import java.time.Duration;
import java.time.Instant;
import jp.mamori.questionbank.Blueprint;

/**
 * A published, immutable exam version: which bank and blueprint, time limit, pass mark, overdue policy, how many
 * attempts a candidate has (0 = no limit) and how long they wait between them.
 */
public record ExamDefinition(String examId, int version, String nameJa, String nameEn, String bank, String blueprint,
                             Duration timeLimit, int passMark, OverduePolicy overduePolicy, Duration grace,
                             boolean showRationale, int attemptsAllowed, Duration waitBetween, Instant publishedAt,
                             String publishedBy) {

    public Blueprint form() {
        return blueprint.equals("expert") ? Blueprint.expert() : Blueprint.standard();
    }

    public String name(java.util.Locale locale) {
        return locale.getLanguage().equals("en") ? nameEn : nameJa;
    }

    /** The settings an admin edits; publishing them makes the next version. */
    public Draft draft() {
        return new Draft(examId, nameJa, nameEn, blueprint, (int) timeLimit.toMinutes(), passMark, overduePolicy,
                (int) grace.toMinutes(), showRationale, attemptsAllowed, (int) waitBetween.toHours());
    }

    /** An exam's settings as the admin's form holds them before publishing. */
    public record Draft(String examId, String nameJa, String nameEn, String blueprint, int timeLimitMinutes, int passMark,
                        OverduePolicy overduePolicy, int graceMinutes, boolean showRationale, int attemptsAllowed,
                        int waitHours) {
    }
}
