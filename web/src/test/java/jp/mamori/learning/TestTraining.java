package jp.mamori.learning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.questionbank.Item;
import org.springframework.stereotype.Component;

/**
 * Takes decks the way a person does, through the learning services, for tests of what depends on completions
 * (assignments, clearance, reports). Acts as the signed-in person.
 */
@Component
public class TestTraining {

    private final Training training;
    private final Checks checks;

    TestTraining(Training training, Checks checks) {
        this.training = training;
        this.checks = checks;
    }

    /** Shows every slide of the deck to the signed-in person. */
    public void seeAll(String deckId) {
        DeckSession session = training.open(deckId);
        for (int i = 0; i < session.deck().deck().slides().size(); i++) {
            training.show(deckId, i);
        }
    }

    /** Sees every slide and passes the check; true when the deck is complete for this fiscal year. */
    public boolean complete(String deckId) {
        seeAll(deckId);
        CheckAttempt attempt = checks.start(deckId);
        return checks.submit(attempt.id(), answers(attempt.items(), true)).deckCompleted();
    }

    /** The key of every item, or for {@code right == false} an answer that is certainly wrong. */
    public static Map<String, Set<String>> answers(List<Item> items, boolean right) {
        Map<String, Set<String>> answers = new HashMap<>();
        for (Item item : items) {
            if (right) {
                answers.put(item.id(), item.key());
            } else {
                String wrong = item.choices().stream().map(o -> o.id()).filter(o -> !item.key().contains(o)).findFirst().orElseThrow();
                answers.put(item.id(), Set.of(wrong));
            }
        }
        return answers;
    }
}
