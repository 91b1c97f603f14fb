package jp.mamori.attestation.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.ui.PersonalHomePage;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.RoleHome;

/** The EXAMINER home: what this role does in Mamori and the person's own evidence records. */
@Route("examiner")
@Menu(title = "home.examiner.title", order = 21, icon = "DIPLOMA_SCROLL")
@RolesAllowed(Role.Names.EXAMINER)
@RoleHome(Role.EXAMINER)
public class ExaminerHomeView extends PersonalHomePage {

    public ExaminerHomeView(EvidenceLedger ledger) {
        super(ledger, "home.examiner");
    }
}
