package jp.mamori.exam.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.ui.PersonalHomePage;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.RoleHome;

/** The CANDIDATE home: what this role does in Mamori and the person's own evidence records. */
@Route("candidate")
@Menu(title = "home.candidate.title", order = 22, icon = "DIPLOMA")
@RolesAllowed(Role.Names.CANDIDATE)
@RoleHome(Role.CANDIDATE)
public class CandidateHomeView extends PersonalHomePage {

    public CandidateHomeView(EvidenceLedger ledger) {
        super(ledger, "home.candidate");
    }
}
