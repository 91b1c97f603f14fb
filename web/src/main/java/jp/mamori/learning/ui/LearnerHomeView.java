package jp.mamori.learning.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import jp.mamori.catalog.DeckCatalog;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.ui.MyRecords;
import jp.mamori.learning.Audience;
import jp.mamori.learning.Training;
import jp.mamori.learning.PersonalHistoryPdf;
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
        training.programme(Audience.EMPLOYEE).forEach(entry -> programme.add(new TrainingCard(entry)));
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

    @Override
    protected String titleKey() {
        return "home.learner.title";
    }
}
