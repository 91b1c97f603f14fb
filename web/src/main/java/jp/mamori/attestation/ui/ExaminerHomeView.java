package jp.mamori.attestation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mamori.attestation.Clearance;
import jp.mamori.attestation.DeclarationPdf;
import jp.mamori.attestation.Declarations;
import jp.mamori.attestation.ExaminerClearance;
import jp.mamori.attestation.Signature;
import jp.mamori.attestation.Signatures;
import jp.mamori.attestation.SpotCheck;
import jp.mamori.attestation.SpotChecks;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.ui.PersonalHomePage;
import jp.mamori.learning.Audience;
import jp.mamori.learning.Training;
import jp.mamori.learning.ui.TrainingCard;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.RoleHome;

/**
 * The EXAMINER home: whether they are cleared to review this fiscal year and what is missing, the mandatory
 * modules, the declarations (sign, correct, PDF), any spot-check finding, then their own evidence records.
 */
@Route("examiner")
@Menu(title = "home.examiner.title", order = 21, icon = "DIPLOMA_SCROLL")
@RolesAllowed(Role.Names.EXAMINER)
@RoleHome(Role.EXAMINER)
public class ExaminerHomeView extends PersonalHomePage {

    private final DeclarationPdf pdf;

    public ExaminerHomeView(EvidenceLedger ledger, ExaminerClearance clearance, Training training, Declarations declarations,
                            Signatures signatures, SpotChecks spotChecks, DeclarationPdf pdf) {
        super(ledger, "home.examiner");
        this.pdf = pdf;
        Clearance mine = clearance.mine();
        List<Signature> signed = signatures.mine(mine.fiscalYear());
        List<SpotCheck> checks = spotChecks.mine(mine.fiscalYear());

        Div modules = new Div();
        modules.addClassName("mamori-programme");
        training.programme(Audience.EXAMINER).forEach(entry -> modules.add(new TrainingCard(entry)));
        Div cards = new Div();
        cards.addClassName("mamori-programme");
        declarations.thisYear().forEach(due -> cards.add(declarationCard(due, newest(signed, due.declaration().id()),
                mine.discrepancies().contains(due.declaration().id()) ? lastFinding(checks, due.declaration().id()) : Optional.empty())));
        addComponentAtIndex(2, status(mine));
        addComponentAtIndex(3, new H3(getTranslation("examiner.modules", mine.fiscalYear())));
        addComponentAtIndex(4, modules);
        addComponentAtIndex(5, new H3(getTranslation("declaration.this-year", mine.fiscalYear())));
        addComponentAtIndex(6, cards);
    }

    /** Cleared or not, in words (not colour alone), with what is missing and the deadline. */
    private Div status(Clearance mine) {
        Div box = new Div();
        box.addClassName("mamori-card");
        box.getElement().setAttribute("role", "status");
        Paragraph verdict = new Paragraph(getTranslation(mine.cleared() ? "examiner.cleared" : "examiner.not-cleared", mine.fiscalYear()));
        verdict.addClassName(mine.cleared() ? "mamori-ok" : "mamori-bad");
        verdict.getStyle().set("font-weight", "600");
        box.add(verdict);
        if (!mine.cleared()) {
            box.add(new Paragraph(getTranslation("examiner.missing", mine.modulesMissing().size(), mine.modulesTotal(),
                    mine.declarationsMissing().size(), mine.declarationsTotal(), mine.discrepancies().size())));
        }
        box.add(new Paragraph(getTranslation("examiner.deadline",
                mine.deadline().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())))));
        return box;
    }

    private Div declarationCard(Declarations.Due due, Optional<Signature> signature, Optional<SpotCheck> finding) {
        String title = due.declaration().title().in(getLocale());
        Div card = new Div(new H3(title));
        card.addClassName("mamori-card");
        if (signature.isEmpty()) {
            card.add(status("declaration.due", "mamori-bad"));
            RouterLink sign = new RouterLink(getTranslation("declaration.sign"), SignDeclarationView.class, due.declaration().id());
            sign.getElement().setAttribute("aria-label", getTranslation("declaration.sign") + ": " + title);
            card.add(sign);
            return card;
        }
        Signature s = signature.get();
        card.add(status("declaration.signed", "mamori-ok", Formats.dateTime(s.signedAt(), getLocale())));
        if (s.revision() > 0) {
            card.add(status("declaration.revision", "mamori-muted", s.revision()));
        }
        finding.ifPresent(check -> card.add(status("examiner.finding", "mamori-bad", check.note())));
        String correctUrl = RouteConfiguration.forSessionScope().getUrl(SignDeclarationView.class, due.declaration().id());
        Anchor correct = new Anchor(correctUrl + "?" + QueryParameters.simple(Map.of("corrects", String.valueOf(s.id()))).getQueryString(),
                getTranslation("declaration.correct"));
        correct.getElement().setAttribute("aria-label", getTranslation("declaration.correct") + ": " + title);
        Anchor download = SignaturePdfLink.of(pdf, s, getTranslation("declaration.pdf"), getLocale());
        download.getElement().setAttribute("aria-label", getTranslation("declaration.pdf") + ": " + title);
        card.add(new Div(correct, new Span(" ・ "), download));
        return card;
    }

    private static Optional<Signature> newest(List<Signature> signed, String declarationId) {
        return signed.stream().filter(s -> s.declarationId().equals(declarationId)).reduce((a, b) -> b.revision() > a.revision() ? b : a);
    }

    private static Optional<SpotCheck> lastFinding(List<SpotCheck> checks, String declarationId) {
        return checks.stream().filter(c -> c.declarationId().equals(declarationId)).reduce((a, b) -> b);
    }

    private Paragraph status(String key, String className, Object... params) {
        Paragraph status = new Paragraph(getTranslation(key, params));
        status.addClassName(className);
        return status;
    }
}
