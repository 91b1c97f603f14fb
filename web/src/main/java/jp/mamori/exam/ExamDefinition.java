package jp.mamori.exam;

import java.time.Duration;
import jp.mamori.questionbank.Blueprint;

/** A published exam version: which bank and blueprint, time limit, pass mark, overdue policy. */
public record ExamDefinition(String examId, int version, String nameJa, String nameEn, String bank, String blueprint,
                             Duration timeLimit, int passMark, OverduePolicy overduePolicy, Duration grace,
                             boolean showRationale) {

    public Blueprint form() {
        return blueprint.equals("expert") ? Blueprint.expert() : Blueprint.standard();
    }
}
