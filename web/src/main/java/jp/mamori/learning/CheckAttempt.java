package jp.mamori.learning;

import java.util.List;
import jp.mamori.catalog.PublishedDeck;
import jp.mamori.questionbank.Item;

/** A check being taken: the items drawn for this try, in the order shown. */
public record CheckAttempt(long id, PublishedDeck deck, List<Item> items) {

    public CheckAttempt {
        items = List.copyOf(items);
    }
}
