package jp.mamori.content;

import java.time.LocalDate;
import java.util.List;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemStatus;
import jp.mamori.questionbank.LocalizedText;

/** One training deck at one version: its description, slides, template fields and the pool of check items. */
public record Deck(
        String id,
        int version,
        LocalizedText title,
        LocalizedText summary,
        String audience,
        int estimatedMinutes,
        LocalDate asOf,
        int passMark,
        int checkItems,
        List<TemplateField> templateFields,
        List<Slide> slides,
        List<Item> items,
        List<String> reviewNotes) {

    public Deck {
        templateFields = List.copyOf(templateFields);
        slides = List.copyOf(slides);
        items = List.copyOf(items);
        reviewNotes = List.copyOf(reviewNotes);
    }

    /** The items a check may draw from. */
    public List<Item> activeItems() {
        return items.stream().filter(item -> item.status() == ItemStatus.ACTIVE).toList();
    }

    public boolean isTemplate() {
        return !templateFields.isEmpty();
    }
}
