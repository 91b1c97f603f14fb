package jp.mamori.exam.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * The exam's list of questions: one button per question, marked answered, flagged and current, for mouse, keyboard and
 * screen reader alike.
 * <p>
 * Drawn as the HTML of one {@code <nav>} element with one click listener, not as sixty button components: a component
 * costs the server some 3 KB per candidate (its state node, attribute, class and listener maps, its text node), which
 * made the navigator half of an exam page's memory (issue 8, docs/performance.md). The markup is rebuilt only when a
 * mark changed, and holds nothing but question numbers and our own translated labels.
 */
@Tag("nav")
public class QuestionNavigator extends Component {

    /** The clicked button's question index, as the browser sends it with the click. */
    private static final String CLICKED = "event.target.closest('button[data-i]') ? event.target.closest('button[data-i]').dataset.i : ''";

    private int count;
    /** The marks on screen, one character per question (answered 1, flagged 2, current 4), to skip a needless redraw. */
    private String shown = "";

    public QuestionNavigator(IntConsumer onSelect) {
        addClassName("mamori-navigator");
        getElement().setAttribute("aria-label", getTranslation("exam.navigator"));
        getElement().addEventListener("click", event -> {
            String clicked = event.getEventData().path(CLICKED).asString("");
            if (clicked.matches("\\d{1,4}") && Integer.parseInt(clicked) < count) {
                onSelect.accept(Integer.parseInt(clicked));
            }
        }).addEventData(CLICKED);
    }

    /** Shows {@code count} questions with their marks; draws again only when a mark changed. */
    public void show(int count, int current, IntPredicate answered, IntPredicate flagged) {
        StringBuilder marks = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            marks.append((char) ('0' + (answered.test(i) ? 1 : 0) + (flagged.test(i) ? 2 : 0) + (i == current ? 4 : 0)));
        }
        if (this.count == count && shown.contentEquals(marks)) {
            return;
        }
        this.count = count;
        shown = marks.toString();
        getElement().setProperty("innerHTML", markup());
    }

    /** Removes every question (the attempt is closed). */
    public void clear() {
        count = 0;
        shown = "";
        getElement().setProperty("innerHTML", "");
    }

    /** The buttons as HTML: the accessible name says number, state and flag; the current one has aria-current. */
    String markup() {
        String answeredText = getTranslation("exam.answered");
        String unansweredText = getTranslation("exam.unanswered");
        String flaggedText = getTranslation("exam.flagged");
        StringBuilder html = new StringBuilder(count * 80);
        for (int i = 0; i < count; i++) {
            int mark = shown.charAt(i) - '0';
            boolean answered = (mark & 1) != 0;
            boolean flagged = (mark & 2) != 0;
            boolean current = (mark & 4) != 0;
            html.append("<button type=\"button\" data-i=\"").append(i).append("\" class=\"")
                    .append(answered ? "answered" : "open").append(flagged ? " flagged" : "").append(current ? " current" : "")
                    .append('"').append(current ? " aria-current=\"step\"" : "").append(" aria-label=\"")
                    .append(escape(getTranslation("exam.nav-item", i + 1, answered ? answeredText : unansweredText, flagged ? flaggedText : "").strip()))
                    .append("\">").append(i + 1).append("</button>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
