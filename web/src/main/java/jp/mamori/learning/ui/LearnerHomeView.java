package jp.mamori.learning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import jp.mamori.catalog.DeckCatalog;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.ui.MyRecords;
import jp.mamori.learning.Audience;
import jp.mamori.learning.Training;
import jp.mamori.learning.TrainingEntry;
import jp.mamori.learning.TrainingStatus;
import jp.mamori.reporting.PersonalHistoryPdf;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;
import jp.mamori.shared.ui.RoleHome;

/** "My training": the learner's programme with status and due date, each deck one click away, then their records. */
@Route("learner")
@Menu(title = "home.learner.title", order = 20, icon = "ACADEMY_CAP")
@RolesAllowed(Role.Names.LEARNER)
@RoleHome(Role.LEARNER)
public class LearnerHomeView extends Page {

    public LearnerHomeView(Training training, EvidenceLedger ledger, DeckCatalog catalog, PersonalHistoryPdf history) {
        heading();
        add(new Paragraph(getTranslation("home.learner.intro")));
        Div programme = new Div();
        programme.addClassName("mamori-programme");
        training.programme(Audience.EMPLOYEE).forEach(entry -> programme.add(card(entry)));
        Locale locale = getLocale();
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = history.mine(locale);
            return new DownloadResponse(new ByteArrayInputStream(pdf), "mamori-records.pdf", "application/pdf", pdf.length);
        }), getTranslation("history.download"));
        download.getElement().setAttribute("download", true);
        MyRecords records = new MyRecords(ledger, record -> catalog.titleOf(record.itemRef(), record.itemVersion(), locale)
                .map(title -> getTranslation("training.deck-version", title, record.itemVersion()))
                .orElseGet(() -> record.itemRef().equals("company-rules")
                        ? getTranslation("training.deck-version", getTranslation("rules.title"), record.itemVersion())
                        : record.itemRef() + " v" + record.itemVersion()));
        add(programme, records, download);
    }

    private Div card(TrainingEntry entry) {
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
        Div card = new Div(title, status, summary, facts, open);
        card.addClassName("mamori-card");
        return card;
    }

    @Override
    protected String titleKey() {
        return "home.learner.title";
    }
}
