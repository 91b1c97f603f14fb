package jp.mamori.learning;

import java.time.LocalDate;
import jp.mamori.questionbank.LocalizedText;

/** One deck of the learner's programme: which version, how far, and by when. */
public record TrainingEntry(String deckId, int version, LocalizedText title, LocalizedText summary, int minutes,
                            TrainingStatus status, int seen, int slides, LocalDate due) {
}
