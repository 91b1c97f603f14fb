package jp.mamori.exam;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.questionbank.ItemType;
import jp.mamori.questionbank.LocalizedText;

/**
 * An attempt as the candidate's page may see it: questions with options in this candidate's order and the answers
 * saved so far. It carries no key, no rationale and no score: nothing that would give an answer away.
 */
public record AttemptView(long attemptId, String examNameJa, String examNameEn, AttemptState state, Instant deadline,
                          List<Question> questions, Map<String, Saved> saved, Set<String> flagged) {

    public AttemptView {
        questions = List.copyOf(questions);
        saved = Map.copyOf(saved);
        flagged = Set.copyOf(flagged);
    }

    /** One question in the position this candidate sees it. */
    public record Question(int position, String itemId, ItemType type, LocalizedText stem, List<Choice> choices) {
    }

    public record Choice(String id, LocalizedText text) {
    }

    /** The last accepted answer to an item and the client sequence number it came with. */
    public record Saved(Set<String> answer, long clientSeq) {
    }
}
