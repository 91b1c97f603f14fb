package jp.mamori.questionbank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks that hold across files: an item id is used once in a whole tree of content. */
public final class ItemSet {

    private ItemSet() {
    }

    public static List<Problem> duplicateIds(List<Item> items) {
        Map<String, Item> first = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Item item : items) {
            if (item.id().isEmpty()) {
                continue;
            }
            Item earlier = first.putIfAbsent(item.id(), item);
            if (earlier != null) {
                problems.add(new Problem(item.file(), item.line(),
                        "item id " + item.id() + " is already used at " + earlier.location()));
            }
        }
        return problems;
    }
}
