package jp.mamori.attestation.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.ui.MyRecords;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;
import jp.mamori.shared.ui.RoleHome;

/** The EXAMINER home: what this role does in Mamori and the person's own evidence records. */
@Route("examiner")
@Menu(title = "home.examiner.title", order = 21, icon = "DIPLOMA_SCROLL")
@RolesAllowed(Role.Names.EXAMINER)
@RoleHome(Role.EXAMINER)
public class ExaminerHomeView extends Page {

    public ExaminerHomeView(EvidenceLedger ledger) {
        heading();
        add(new Paragraph(getTranslation("home.examiner.intro")), new MyRecords(ledger));
    }

    @Override
    protected String titleKey() {
        return "home.examiner.title";
    }
}
