package jp.mamori.exam;

import java.util.List;
import java.util.OptionalDouble;
import jp.mamori.questionbank.ItemType;
import jp.mamori.questionbank.LocalizedText;

/**
 * One item version's figures over the closed attempts that were given it. {@code n} counts every such attempt,
 * answered or not (an unanswered item scores 0); {@code pValue} is the proportion correct; {@code discrimination}
 * is the corrected item-total correlation, empty when the item or the rest of the score does not vary.
 */
public record ItemStatistics(String itemId, int version, String domain, int difficulty, ItemType type, LocalizedText stem,
                             int n, int correct, double pValue, OptionalDouble discrimination, List<OptionCount> options,
                             int unanswered, List<ItemFlag> flags) {

    public ItemStatistics {
        options = List.copyOf(options);
        flags = List.copyOf(flags);
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }

    /** The ids of the options nobody chose that are not part of the key. */
    public List<String> unchosenDistractors() {
        return options.stream().filter(o -> !o.key() && o.count() == 0).map(OptionCount::optionId).toList();
    }
}
