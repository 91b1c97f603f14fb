package jp.mamori.evidence.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditEntry;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Page;

/** The newest security-relevant actions, filterable by kind. */
@Route("audit-log")
@Menu(title = "audit.title", order = 50, icon = "CLIPBOARD_TEXT")
@RolesAllowed({Role.Names.AUDITOR, Role.Names.PRIVACY_OFFICER, Role.Names.SYSTEM_ADMIN})
public class AuditLogView extends Page {

    private static final int SHOWN = 500;

    public AuditLogView(AuditLog auditLog) {
        heading();
        ComboBox<AuditAction> action = new ComboBox<>(getTranslation("audit.filter"));
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> getTranslation(a.labelKey()));
        action.setClearButtonVisible(true);
        action.setPlaceholder(getTranslation("audit.all"));
        Grid<AuditEntry> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> Formats.dateTime(e.occurredAt(), getLocale())).setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.action().labelKey())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditEntry::target).setHeader(getTranslation("audit.target")).setAutoWidth(true);
        grid.addColumn(AuditEntry::detail).setHeader(getTranslation("audit.detail")).setFlexGrow(1);
        grid.addColumn(AuditEntry::remoteAddress).setHeader(getTranslation("audit.from")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("audit.none"));
        grid.setHeight("70vh");
        action.addValueChangeListener(e -> grid.setItems(auditLog.recent(e.getValue(), SHOWN)));
        grid.setItems(auditLog.recent(null, SHOWN));
        add(action, grid);
    }

    @Override
    protected String titleKey() {
        return "audit.title";
    }
}
