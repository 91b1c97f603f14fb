package jp.mamori.questionbank;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A check or exam item at one version. For true/false items the options are the two implicit
 * choices {@code true} and {@code false}, and the key names one of them.
 */
public record Item(
        String id,
        int version,
        String domain,
        int difficulty,
        ItemType type,
        LocalizedText stem,
        List<ItemOption> options,
        Set<String> key,
        LocalizedText rationale,
        String reference,
        LocalDate asOf,
        ItemStatus status,
        boolean review,
        String reviewNote,
        String file,
        int line) {

    static final ItemOption TRUE = new ItemOption("true", new LocalizedText("正しい", "True"), null);
    static final ItemOption FALSE = new ItemOption("false", new LocalizedText("誤り", "False"), null);

    public Item {
        options = List.copyOf(options);
        key = Set.copyOf(key);
    }

    /** What the person chooses from, in the order written (true/false: true, then false). */
    public List<ItemOption> choices() {
        return type == ItemType.TRUE_FALSE ? List.of(TRUE, FALSE) : options;
    }

    /** An answer is right when it names exactly the key's options. */
    public boolean isCorrect(Set<String> answer) {
        return key.equals(answer);
    }

    /** Where the item is written: {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }
}
