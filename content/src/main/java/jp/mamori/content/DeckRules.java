package jp.mamori.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemOption;
import jp.mamori.questionbank.Problem;

/** Rules that need the whole deck: figures have sources, the check can be drawn, template fields match their use. */
final class DeckRules {

    /** A number followed by a unit that makes it a figure someone could check: counts, people, money, shares. */
    static final Pattern FIGURE = Pattern.compile("\\d[\\d,.]*\\s*(?:%|％|件|人|名|社|円|万|億|千)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z0-9_]+)\\s*}}");

    private DeckRules() {
    }

    static List<Problem> check(Deck deck, String deckFile, String checkFile, int headerLine) {
        List<Problem> problems = new ArrayList<>();
        for (Slide slide : deck.slides()) {
            boolean hasChart = slide.parts().stream().anyMatch(p -> p instanceof SlidePart.ChartPart);
            Matcher figure = FIGURE.matcher(markdownOf(slide));
            if ((hasChart || figure.find()) && slide.sources().isEmpty()) {
                String what = hasChart ? "a chart" : "a figure (" + figure.group() + ")";
                problems.add(new Problem(deckFile, slide.line(), "slide " + slide.number() + " shows " + what
                        + " but has no sources:"));
            }
        }
        int active = deck.activeItems().size();
        if (deck.checkItems() > active) {
            problems.add(new Problem(checkFile, 1, "check_items is " + deck.checkItems() + " but the pool has only "
                    + active + " active items"));
        }
        for (Item item : deck.items()) {
            if (!item.domain().isEmpty() && !item.domain().equals(deck.id())) {
                problems.add(new Problem(item.file(), item.line(), "item " + item.id() + ": domain must be the deck id "
                        + deck.id() + ", not " + item.domain()));
            }
        }
        problems.addAll(templateFields(deck, deckFile, headerLine));
        return problems;
    }

    private static List<Problem> templateFields(Deck deck, String deckFile, int headerLine) {
        List<Problem> problems = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        deck.templateFields().forEach(field -> declared.add(field.id()));
        Set<String> used = new LinkedHashSet<>();
        for (Slide slide : deck.slides()) {
            Matcher placeholder = PLACEHOLDER.matcher(markdownOf(slide) + "\n" + slide.title());
            while (placeholder.find()) {
                used.add(placeholder.group(1));
                if (!declared.contains(placeholder.group(1))) {
                    problems.add(new Problem(deckFile, slide.line(), "slide " + slide.number() + " uses {{"
                            + placeholder.group(1) + "}}, which template_fields does not declare"));
                }
            }
        }
        for (Item item : deck.items()) {
            if (PLACEHOLDER.matcher(itemText(item)).find()) {
                problems.add(new Problem(item.file(), item.line(),
                        "item " + item.id() + " uses a {{placeholder}}: items must hold whatever a company fills in"));
            }
        }
        for (String field : declared) {
            if (!used.contains(field)) {
                problems.add(new Problem(deckFile, headerLine, "template field " + field + " is declared but no slide uses it"));
            }
        }
        return problems;
    }

    static String markdownOf(Slide slide) {
        StringBuilder text = new StringBuilder();
        for (SlidePart part : slide.parts()) {
            if (part instanceof SlidePart.Markdown markdown) {
                text.append(markdown.text()).append('\n');
            }
        }
        return text.toString();
    }

    private static String itemText(Item item) {
        StringBuilder text = new StringBuilder(item.stem().ja()).append(item.rationale().ja());
        for (ItemOption option : item.options()) {
            text.append(option.text().ja());
        }
        return text.toString();
    }
}
