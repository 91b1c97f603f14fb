package jp.mamori.attestation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.attestation.Declarations;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.ui.PersonalHomePage;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.RoleHome;

/** The EXAMINER home: this fiscal year's declarations with their status, then the person's own evidence records. */
@Route("examiner")
@Menu(title = "home.examiner.title", order = 21, icon = "DIPLOMA_SCROLL")
@RolesAllowed(Role.Names.EXAMINER)
@RoleHome(Role.EXAMINER)
public class ExaminerHomeView extends PersonalHomePage {

    public ExaminerHomeView(EvidenceLedger ledger, Declarations declarations) {
        super(ledger, "home.examiner");
        Div cards = new Div();
        cards.addClassName("mamori-programme");
        int year = 0;
        for (Declarations.Due due : declarations.thisYear()) {
            year = due.fiscalYear();
            Div card = new Div(new H3(due.declaration().title().in(getLocale())));
            card.addClassName("mamori-card");
            due.signedAt().ifPresentOrElse(
                    signed -> card.add(status("declaration.signed", "mamori-ok", Formats.dateTime(signed, getLocale()))),
                    () -> {
                        card.add(status("declaration.due", "mamori-bad"));
                        RouterLink sign = new RouterLink(getTranslation("declaration.sign"), SignDeclarationView.class,
                                due.declaration().id());
                        sign.getElement().setAttribute("aria-label",
                                getTranslation("declaration.sign") + ": " + due.declaration().title().in(getLocale()));
                        card.add(sign);
                    });
            cards.add(card);
        }
        addComponentAtIndex(2, new H3(getTranslation("declaration.this-year", year)));
        addComponentAtIndex(3, cards);
    }

    private Paragraph status(String key, String className, Object... params) {
        Paragraph status = new Paragraph(getTranslation(key, params));
        status.addClassName(className);
        return status;
    }
}
