package jp.mamori.learning.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.ui.PersonalHomePage;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.RoleHome;

/** The LEARNER home: what this role does in Mamori and the person's own evidence records. */
@Route("learner")
@Menu(title = "home.learner.title", order = 20, icon = "ACADEMY_CAP")
@RolesAllowed(Role.Names.LEARNER)
@RoleHome(Role.LEARNER)
public class LearnerHomeView extends PersonalHomePage {

    public LearnerHomeView(EvidenceLedger ledger) {
        super(ledger, "home.learner");
    }
}
