package jp.mamori.assignment;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jp.mamori.catalog.DeckCatalog;
import jp.mamori.exam.ExamDefinitions;
import jp.mamori.questionbank.LocalizedText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The name of what an assignment asks for, in a person's language, for mails, lists and reports. */
@Service
public class AssignmentTitles {

    private static final LocalizedText CURRICULUM = new LocalizedText("審査員の必須研修と宣誓", "Examiner curriculum and declarations");

    private final DeckCatalog decks;
    private final ExamDefinitions exams;

    AssignmentTitles(DeckCatalog decks, ExamDefinitions exams) {
        this.decks = decks;
        this.exams = exams;
    }

    /** Every title at once: a job naming thousands of assignments looks each item up once. */
    @PreAuthorize("isAuthenticated()")
    public Map<String, LocalizedText> all() {
        Map<String, LocalizedText> titles = new HashMap<>();
        titles.put(key(ItemKind.EXAMINER_CURRICULUM, EducationPlans.EXAMINER_CURRICULUM), CURRICULUM);
        for (String audience : new String[] {"employee", "examiner"}) {
            decks.latest(audience).forEach(deck -> titles.put(key(ItemKind.DECK, deck.id()), deck.deck().title()));
        }
        exams.names().forEach((examId, name) -> titles.put(key(ItemKind.EXAM, examId), name));
        return titles;
    }

    /** Every title in one language, by {@link #key(Assignment)}. */
    @PreAuthorize("isAuthenticated()")
    public Map<String, String> names(Locale locale) {
        Map<String, String> names = new HashMap<>();
        all().forEach((key, title) -> names.put(key, title.in(locale)));
        return names;
    }

    public static String key(Assignment assignment) {
        return key(assignment.kind(), assignment.itemId());
    }

    static String key(ItemKind kind, String itemId) {
        return kind.name() + ":" + itemId;
    }

    static String title(Map<String, LocalizedText> titles, ItemKind kind, String itemId, Locale locale) {
        LocalizedText title = titles.get(key(kind, itemId));
        return title == null ? itemId : title.in(locale);
    }
}
