package jp.mamori.learning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import jp.mamori.questionbank.Item;

/** The outcome of one try: score, pass or fail, whether the deck is now complete, and per item what was answered. */
public record CheckResult(long attemptId, BigDecimal score, int passMark, boolean passed, boolean deckCompleted,
                          List<Answered> answers) {

    public CheckResult {
        answers = List.copyOf(answers);
    }

    /** One item as answered; {@code correct} tells whether the answer matched the key. */
    public record Answered(Item item, Set<String> answer, boolean correct) {
    }

    public List<Answered> wrong() {
        return answers.stream().filter(a -> !a.correct()).toList();
    }
}
