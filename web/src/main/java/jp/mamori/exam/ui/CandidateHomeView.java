package jp.mamori.exam.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.ui.MyRecords;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;
import jp.mamori.shared.ui.RoleHome;

/** The CANDIDATE home: what this role does in Mamori and the person's own evidence records. */
@Route("candidate")
@Menu(title = "home.candidate.title", order = 22, icon = "DIPLOMA")
@RolesAllowed(Role.Names.CANDIDATE)
@RoleHome(Role.CANDIDATE)
public class CandidateHomeView extends Page {

    public CandidateHomeView(EvidenceLedger ledger) {
        heading();
        add(new Paragraph(getTranslation("home.candidate.intro")), new MyRecords(ledger));
    }

    @Override
    protected String titleKey() {
        return "home.candidate.title";
    }
}
