package jp.mamori.system.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;
import jp.mamori.shared.ui.RoleHome;
import jp.mamori.system.SystemStatus;

/** The operator's home: database, schema version, Java, uptime and memory of this node. */
@Route("system")
@Menu(title = "system.title", order = 60, icon = "SERVER")
@RolesAllowed(Role.Names.SYSTEM_ADMIN)
@RoleHome(Role.SYSTEM_ADMIN)
public class SystemView extends Page {

    public SystemView(SystemStatus status) {
        heading();
        SystemStatus.Snapshot s = status.snapshot();
        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        facts.addFormItem(new Span(s.database()), getTranslation("system.database"));
        facts.addFormItem(new Span(getTranslation(s.embeddedDatabase() ? "system.embedded.yes" : "system.embedded.no")),
                getTranslation("system.embedded"));
        facts.addFormItem(new Span(s.schemaVersion()), getTranslation("system.schema"));
        facts.addFormItem(new Span(s.java()), getTranslation("system.java"));
        facts.addFormItem(new Span(getTranslation("system.uptime.value", s.uptime().toHours(), s.uptime().toMinutesPart())),
                getTranslation("system.uptime"));
        facts.addFormItem(new Span(getTranslation("system.heap.value", s.heapUsedMiB(), s.heapMaxMiB())),
                getTranslation("system.heap"));
        facts.setMaxWidth("48rem");
        add(facts);
    }

    @Override
    protected String titleKey() {
        return "system.title";
    }
}
