package jp.mamori.learning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import jp.mamori.learning.TrainingEntry;
import jp.mamori.learning.TrainingStatus;

/** One deck of a person's yearly programme: title, status, summary, progress and due date, and the way into it. */
public class TrainingCard extends Div {

    public TrainingCard(TrainingEntry entry) {
        H3 title = new H3(entry.title().in(getLocale()));
        Paragraph summary = new Paragraph(entry.summary().in(getLocale()));
        summary.addClassName("mamori-muted");
        Span status = new Span(getTranslation(entry.status().labelKey()));
        status.getElement().getThemeList().add("badge" + (entry.status() == TrainingStatus.DONE ? " success" : ""));
        Paragraph facts = new Paragraph(getTranslation("training.facts", entry.minutes(), entry.seen(), entry.slides(),
                entry.due().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()))));
        String action = switch (entry.status()) {
            case NOT_STARTED -> "training.start";
            case IN_PROGRESS -> "training.continue";
            case ACKNOWLEDGE_AGAIN -> "training.acknowledge";
            case DONE -> "training.review";
        };
        Button open = new Button(getTranslation(action), e -> getUI().ifPresent(ui -> ui.navigate(DeckPlayerView.class, entry.deckId())));
        open.setAriaLabel(getTranslation(action) + ": " + entry.title().in(getLocale()));
        if (entry.status() != TrainingStatus.DONE) {
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        add(title, status, summary, facts, open);
        addClassName("mamori-card");
    }
}
