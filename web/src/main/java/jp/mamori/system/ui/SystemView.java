package jp.mamori.system.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Page;
import jp.mamori.shared.ui.RoleHome;
import jp.mamori.system.SystemStatus;
import jp.mamori.identity.SsoLogin;
import jp.mamori.xapi.XapiForwarder;

/** The operator's home: database, schema version, Java, uptime and memory of this node; single sign-on; xAPI forwarding. */
@Route("system")
@Menu(title = "system.title", order = 60, icon = "SERVER")
@RolesAllowed(Role.Names.SYSTEM_ADMIN)
@RoleHome(Role.SYSTEM_ADMIN)
public class SystemView extends Page {

    public SystemView(SystemStatus status, XapiForwarder xapi, SsoLogin sso) {
        heading();
        SystemStatus.Snapshot s = status.snapshot();
        FormLayout facts = facts();
        facts.addFormItem(new Span(s.database()), getTranslation("system.database"));
        facts.addFormItem(new Span(getTranslation(s.embeddedDatabase() ? "system.embedded.yes" : "system.embedded.no")),
                getTranslation("system.embedded"));
        facts.addFormItem(new Span(s.schemaVersion()), getTranslation("system.schema"));
        facts.addFormItem(new Span(s.java()), getTranslation("system.java"));
        facts.addFormItem(new Span(getTranslation("system.uptime.value", s.uptime().toHours(), s.uptime().toMinutesPart())),
                getTranslation("system.uptime"));
        facts.addFormItem(new Span(getTranslation("system.heap.value", s.heapUsedMiB(), s.heapMaxMiB())),
                getTranslation("system.heap"));
        add(facts, new H3(getTranslation("system.sso")), sso(sso), new H3(getTranslation("system.xapi")), xapi(xapi.status()));
    }

    /** One label-and-value column, as each section of this page shows its facts. */
    private static FormLayout facts() {
        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        facts.setMaxWidth("48rem");
        return facts;
    }

    /** Whether people can log in through the OpenID provider, and whether passwords still work for everyone. */
    private FormLayout sso(SsoLogin sso) {
        FormLayout facts = facts();
        if (!sso.offered()) {
            facts.add(new Span(getTranslation("system.sso.off")));
            return facts;
        }
        facts.addFormItem(new Span(sso.issuer().orElse("-")), getTranslation("system.sso.issuer"));
        Span state = new Span(sso.problem().map(problem -> getTranslation("system.sso.unavailable", problem))
                .orElseGet(() -> getTranslation("system.sso.ready")));
        sso.problem().ifPresent(problem -> state.addClassName("mamori-bad"));
        facts.addFormItem(state, getTranslation("system.sso.state"));
        facts.addFormItem(new Span(getTranslation(sso.localLoginOpen() ? "system.sso.local.open" : "system.sso.local.closed")),
                getTranslation("system.sso.local"));
        return facts;
    }

    /** Whether statements reach the learning record store, and what is waiting. */
    private FormLayout xapi(XapiForwarder.Status x) {
        FormLayout facts = facts();
        if (!x.enabled()) {
            facts.add(new Span(getTranslation("system.xapi.off")));
            return facts;
        }
        facts.addFormItem(new Span(x.endpoint()), getTranslation("system.xapi.endpoint"));
        facts.addFormItem(new Span(getTranslation("system.xapi.progress", x.lastSeq(), x.pending())), getTranslation("system.xapi.sent"));
        facts.addFormItem(new Span(x.lastSentAt().map(at -> Formats.dateTime(at, getLocale())).orElse("-")),
                getTranslation("system.xapi.last-sent"));
        x.lastError().ifPresent(error -> {
            Span problem = new Span(getTranslation("system.xapi.failing", x.failures(), error,
                    x.nextAttemptAt().map(at -> Formats.dateTime(at, getLocale())).orElse("-")));
            problem.addClassName("mamori-bad");
            facts.addFormItem(problem, getTranslation("system.xapi.problem"));
        });
        return facts;
    }

    @Override
    protected String titleKey() {
        return "system.title";
    }
}
