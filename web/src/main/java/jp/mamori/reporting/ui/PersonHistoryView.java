package jp.mamori.reporting.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.evidence.ui.EvidenceRecordGrid;
import jp.mamori.identity.People;
import jp.mamori.learning.PersonalHistoryPdf;
import jp.mamori.shared.Role;
import jp.mamori.shared.export.Table;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.ui.ExportLinks;
import jp.mamori.shared.ui.Page;

/** Anyone's training history (leavers too) for HR or the auditor: the records on screen, as PDF and as CSV/Excel. */
@Route("office/history")
@Menu(title = "person-history.title", order = 8, icon = "USER_CARD")
@RolesAllowed({Role.Names.TRAINING_ADMIN, Role.Names.PRIVACY_OFFICER, Role.Names.AUDITOR})
public class PersonHistoryView extends Page {

    private final Div shown = new Div();

    public PersonHistoryView(People people, EvidenceLedger ledger, PersonalHistoryPdf pdf, AuditLog audit) {
        heading();
        add(new Paragraph(getTranslation("person-history.explain")));
        ComboBox<People.Member> person = new ComboBox<>(getTranslation("person-history.person"));
        person.setItems(people.members());
        person.setItemLabelGenerator(m -> m.name() + " <" + m.email() + ">" + (m.active() ? "" : " (" + getTranslation("roster.left") + ")"));
        person.setWidth("min(36rem, 100%)");
        person.addValueChangeListener(e -> show(e.getValue(), ledger, pdf, audit));
        add(person, shown);
    }

    private void show(People.Member member, EvidenceLedger ledger, PersonalHistoryPdf pdf, AuditLog audit) {
        shown.removeAll();
        if (member == null) {
            return;
        }
        List<EvidenceRecord> records = ledger.recordsOf(member.id());
        Locale locale = getLocale();
        String label = member.name() + " <" + member.email() + ">";
        String reader = CurrentPrincipal.require().email();
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = pdf.of(member.id(), label, locale);
            audit.record(AuditAction.DATA_EXPORTED, reader, "history/user:" + member.id(), "pdf, " + records.size() + " records");
            return new DownloadResponse(new ByteArrayInputStream(bytes), "mamori-history-" + member.id() + ".pdf", "application/pdf", bytes.length);
        }), getTranslation("person-history.pdf"));
        download.getElement().setAttribute("download", true);
        List<String> headers = List.of("#", getTranslation("evidence.when"), getTranslation("evidence.kind"), getTranslation("evidence.item"),
                getTranslation("evidence.result"), getTranslation("evidence.score"), "SHA-256");
        String title = getTranslation("person-history.title");
        ExportLinks export = new ExportLinks("mamori-history-" + member.id(), () -> new Table(title, headers, records.stream()
                .map(r -> Arrays.<Object>asList(r.seq(), r.recordedAt(), getTranslation(locale, "evidence.kind." + r.kind()),
                        r.itemRef() + " v" + r.itemVersion(), getTranslation(locale, "evidence.result." + r.result()), r.score(), r.hash()))
                .toList()),
                (format, rows) -> audit.record(AuditAction.DATA_EXPORTED, reader, "history/user:" + member.id(), format + ", " + rows + " records"));
        EvidenceRecordGrid grid = new EvidenceRecordGrid(false);
        grid.show(records);
        shown.add(new Div(download), export, grid);
    }

    @Override
    protected String titleKey() {
        return "person-history.title";
    }
}
