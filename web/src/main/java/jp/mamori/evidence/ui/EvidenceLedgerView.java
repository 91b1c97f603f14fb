package jp.mamori.evidence.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.evidence.ChainHead;
import jp.mamori.evidence.ChainVerification;
import jp.mamori.evidence.EvidenceExport;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Page;
import jp.mamori.shared.ui.RoleHome;

/** The auditor's check of the ledger: the chain head, a button that recomputes the chain, the newest records. */
@Route("evidence")
@Menu(title = "evidence.title", order = 40, icon = "LINK")
@RolesAllowed({Role.Names.AUDITOR, Role.Names.PRIVACY_OFFICER})
@RoleHome(Role.AUDITOR)
public class EvidenceLedgerView extends Page {

    private final EvidenceLedger ledger;
    private final AuditLog auditLog;
    private final Div head = new Div();
    private final Div outcome = new Div();

    public EvidenceLedgerView(EvidenceLedger ledger, AuditLog auditLog, EvidenceExport export) {
        this.ledger = ledger;
        this.auditLog = auditLog;
        heading();
        add(new Paragraph(getTranslation("evidence.explain")));
        head.addClassName("mamori-card");
        head.setWidthFull();
        outcome.getElement().setAttribute("role", "status");
        outcome.getElement().setAttribute("aria-live", "polite");
        Button verify = new Button(getTranslation("evidence.verify"), VaadinIcon.CHECK_CIRCLE.create(), e -> verify());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        EvidenceRecordGrid records = new EvidenceRecordGrid(true);
        records.show(ledger.latest(100));
        Anchor download = new Anchor((DownloadHandler) event -> {
            event.setFileName("mamori-evidence-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".zip");
            event.setContentType("application/zip");
            try (var out = event.getOutputStream()) {
                export.write(out);
            }
        }, getTranslation("evidence.export"));
        download.getElement().setAttribute("download", true);
        Paragraph exportNote = new Paragraph(getTranslation("evidence.export.explain"));
        exportNote.addClassName("mamori-muted");
        add(head, verify, outcome, new H3(getTranslation("evidence.export.title")), exportNote, download,
                new H3(getTranslation("evidence.latest")), records);
        showHead(ledger.head());
    }

    private void showHead(ChainHead chainHead) {
        head.removeAll();
        Span hash = new Span(chainHead.hash());
        hash.addClassName("mamori-hash");
        head.add(new H3(getTranslation("evidence.head")),
                new Paragraph(getTranslation("evidence.head.records", chainHead.seq())), hash);
    }

    private void verify() {
        ChainVerification result = ledger.verify();
        auditLog.record(AuditAction.EVIDENCE_VERIFIED, CurrentPrincipal.require().email(), "evidence ledger",
                result.intact() ? "intact, " + result.recordsChecked() + " records" : result.brokenLink().description());
        outcome.removeAll();
        Paragraph line;
        if (result.intact()) {
            line = new Paragraph(getTranslation("evidence.intact", result.recordsChecked(),
                    Formats.dateTime(result.verifiedAt(), getLocale())));
            line.addClassName("mamori-ok");
        } else {
            var broken = result.brokenLink();
            line = new Paragraph(getTranslation("evidence.broken", broken.seq(),
                    getTranslation("evidence.problem." + broken.problem().name())));
            line.addClassName("mamori-bad");
            outcome.add(line, new Paragraph(broken.description()));
            showHead(ledger.head());
            return;
        }
        outcome.add(line);
        showHead(result.head());
    }

    @Override
    protected String titleKey() {
        return "evidence.title";
    }
}
