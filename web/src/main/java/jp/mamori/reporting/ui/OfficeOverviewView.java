package jp.mamori.reporting.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import jp.mamori.evidence.ChainHead;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.identity.PeopleOverview;
import jp.mamori.identity.UserAdministration;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.FigureCard;
import jp.mamori.shared.ui.Page;
import jp.mamori.shared.ui.RoleHome;

/** The privacy officer's overview of the PMS office: people by role, locked accounts, the evidence chain. */
@Route("office")
@Menu(title = "office.title", order = 5, icon = "DASHBOARD")
@RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.TRAINING_ADMIN})
@RoleHome(Role.PRIVACY_OFFICER)
public class OfficeOverviewView extends Page {

    public OfficeOverviewView(UserAdministration users, EvidenceLedger ledger) {
        heading();
        PeopleOverview people = users.overview();
        ChainHead head = ledger.head();
        FlexLayout figures = new FlexLayout(
                figure("office.people", people.people()),
                figure("office.locked", people.locked()),
                figure("office.evidence", head.seq()));
        figures.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        figures.getStyle().set("gap", "var(--lumo-space-m)");
        Grid<Map.Entry<Role, Long>> byRole = new Grid<>();
        byRole.setAllRowsVisible(true);
        byRole.addColumn(e -> getTranslation(e.getKey().labelKey())).setHeader(getTranslation("office.role"));
        byRole.addColumn(Map.Entry::getValue).setHeader(getTranslation("office.count"));
        byRole.setItems(people.byRole().entrySet());
        byRole.setMaxWidth("32rem");
        add(figures, new H3(getTranslation("office.by-role")), byRole);
    }

    private FigureCard figure(String labelKey, long value) {
        return new FigureCard(getTranslation(labelKey), String.valueOf(value));
    }

    @Override
    protected String titleKey() {
        return "office.title";
    }
}
