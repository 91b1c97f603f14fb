package jp.mamori.exam;

import java.util.List;
import jp.mamori.questionbank.ItemType;
import jp.mamori.questionbank.LocalizedText;

/**
 * A closed attempt gone through question by question: the candidate's answer, the key and why, shown only when the
 * exam definition allows it.
 */
public record AttemptReview(List<Question> questions) {

    public AttemptReview {
        questions = List.copyOf(questions);
    }

    public record Question(int position, ItemType type, LocalizedText stem, List<Choice> choices, boolean correct,
                           LocalizedText rationale, String reference) {
    }

    public record Choice(String id, LocalizedText text, boolean key, boolean chosen, LocalizedText why) {
    }
}
