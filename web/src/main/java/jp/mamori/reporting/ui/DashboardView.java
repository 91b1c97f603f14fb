package jp.mamori.reporting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import jp.mamori.assignment.AssignmentTitles;
import jp.mamori.attestation.Clearance;
import jp.mamori.attestation.ExaminerClearance;
import jp.mamori.content.Chart;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.learning.ui.ChartSvg;
import jp.mamori.reporting.EducationFigures;
import jp.mamori.shared.Role;
import jp.mamori.shared.export.Table;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.ui.ExportLinks;
import jp.mamori.shared.ui.FigureCard;
import jp.mamori.shared.ui.Page;

/**
 * The PMS office's dashboard for a fiscal year: completion overall, by department and by programme (charts with
 * their tables), who is overdue, exam scores by domain, examiner clearance. Tables sort, filter and export.
 */
@Route("office/dashboard")
@Menu(title = "dashboard.title", order = 6, icon = "CHART")
@RolesAllowed({Role.Names.TRAINING_ADMIN, Role.Names.PRIVACY_OFFICER, Role.Names.AUDITOR})
public class DashboardView extends Page {

    private static final int CHART_ROWS = 15;

    private final EducationFigures figures;
    private final ExaminerClearance clearance;
    private final AuditLog audit;
    private final Map<String, String> itemNames;
    private final Select<Integer> year = new Select<>();
    private final Div body = new Div();

    public DashboardView(EducationFigures figures, ExaminerClearance clearance, AssignmentTitles titles, AuditLog audit) {
        this.figures = figures;
        this.clearance = clearance;
        this.audit = audit;
        this.itemNames = titles.names(getLocale());
        heading();
        add(new Paragraph(getTranslation("dashboard.explain")));
        int current = clearance.currentYear();
        year.setLabel(getTranslation("plan.year"));
        year.setItems(IntStream.rangeClosed(current - 4, current).boxed().sorted(Comparator.reverseOrder()).toList());
        year.setItemLabelGenerator(y -> getTranslation("plan.year.value", y));
        year.setValue(current);
        year.addValueChangeListener(e -> show());
        add(year, body);
        show();
    }

    private void show() {
        body.removeAll();
        int fy = year.getValue();
        EducationFigures.Completion total = figures.total(fy);
        List<Clearance> examiners = clearance.roster(fy);
        NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());
        FlexLayout cards = new FlexLayout(
                figure("dashboard.assigned", numbers.format(total.assigned())),
                figure("dashboard.completed", getTranslation("dashboard.rate", total.completed(), total.rate())),
                figure("dashboard.overdue", numbers.format(total.overdue())),
                figure("dashboard.cleared", examiners.stream().filter(Clearance::cleared).count() + " / " + examiners.size()));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        body.add(cards);

        List<EducationFigures.Completion> departments = figures.byDepartment(fy).stream()
                .map(d -> d.name().isEmpty() ? new EducationFigures.Completion(d.key(), getTranslation("dashboard.no-department"),
                        d.assigned(), d.completed(), d.overdue()) : d)
                .toList();
        body.add(new H3(getTranslation("dashboard.by-department")));
        body.add(chart("dashboard-departments", getTranslation("dashboard.by-department.chart", CHART_ROWS),
                departments.stream().sorted(Comparator.comparing(EducationFigures.Completion::rate)).limit(CHART_ROWS).toList(),
                EducationFigures.Completion::name));
        body.add(completionGrid(departments, EducationFigures.Completion::name, "dashboard.department", "departments", fy));

        List<EducationFigures.Completion> items = figures.byItem(fy);
        Function<EducationFigures.Completion, String> itemName = c -> itemNames.getOrDefault(c.key(), c.key());
        body.add(new H3(getTranslation("dashboard.by-item")));
        body.add(chart("dashboard-items", getTranslation("dashboard.by-item"), items, itemName));
        body.add(completionGrid(items, itemName, "dashboard.item", "programmes", fy));

        body.add(new H3(getTranslation("dashboard.overdue-list")));
        body.add(overdueGrid(figures.overdue(fy), fy));

        List<EducationFigures.DomainScore> domains = figures.examDomains(fy);
        body.add(new H3(getTranslation("dashboard.domains")));
        if (domains.isEmpty()) {
            body.add(new Paragraph(getTranslation("dashboard.domains.none")));
        } else {
            body.add(new Html("<div class=\"mamori-chart\">" + ChartSvg.render(new Chart(Chart.Type.HBAR, getTranslation("dashboard.domains"), "%",
                    domains.stream().map(d -> new Chart.Row(d.domain(), d.percent())).toList(), "Mamori"), "dashboard-domains") + "</div>"));
            Grid<EducationFigures.DomainScore> grid = new Grid<>();
            grid.setAllRowsVisible(true);
            grid.setAriaLabel(getTranslation("dashboard.domains"));
            grid.addColumn(EducationFigures.DomainScore::domain).setHeader(getTranslation("dashboard.domain")).setSortable(true);
            grid.addColumn(EducationFigures.DomainScore::attempts).setHeader(getTranslation("dashboard.attempts")).setSortable(true);
            grid.addColumn(d -> d.percent() + "%").setHeader(getTranslation("dashboard.correct")).setComparator(EducationFigures.DomainScore::percent);
            grid.setItems(domains);
            body.add(grid);
        }
    }

    private Component chart(String id, String title, List<EducationFigures.Completion> rows, Function<EducationFigures.Completion, String> name) {
        if (rows.isEmpty()) {
            return new Paragraph(getTranslation("dashboard.nothing"));
        }
        Chart chart = new Chart(Chart.Type.HBAR, title, "%", rows.stream().map(c -> new Chart.Row(name.apply(c), c.rate())).toList(),
                "Mamori");
        return new Html("<div class=\"mamori-chart\">" + ChartSvg.render(chart, id) + "</div>");
    }

    private Div completionGrid(List<EducationFigures.Completion> rows, Function<EducationFigures.Completion, String> name, String nameKey,
                               String file, int fy) {
        Grid<EducationFigures.Completion> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel(getTranslation(nameKey));
        grid.addColumn(name::apply).setHeader(getTranslation(nameKey)).setSortable(true).setComparator(name::apply).setFlexGrow(2);
        grid.addColumn(EducationFigures.Completion::assigned).setHeader(getTranslation("dashboard.assigned")).setSortable(true);
        grid.addColumn(EducationFigures.Completion::completed).setHeader(getTranslation("dashboard.completed")).setSortable(true);
        grid.addColumn(c -> c.rate() + "%").setHeader(getTranslation("dashboard.rate-column")).setComparator(EducationFigures.Completion::rate);
        grid.addColumn(EducationFigures.Completion::overdue).setHeader(getTranslation("dashboard.overdue")).setSortable(true);
        grid.setItems(rows);
        grid.setHeight(rows.size() > 12 ? "24rem" : null);
        grid.setAllRowsVisible(rows.size() <= 12);
        List<String> headers = List.of(getTranslation(nameKey), getTranslation("dashboard.assigned"), getTranslation("dashboard.completed"),
                getTranslation("dashboard.rate-column"), getTranslation("dashboard.overdue"));
        String title = getTranslation(nameKey) + " FY" + fy;
        ExportLinks export = new ExportLinks("mamori-" + file + "-" + fy, () -> new Table(title, headers, rows.stream()
                .map(c -> Arrays.<Object>asList(name.apply(c), c.assigned(), c.completed(), c.rate(), c.overdue())).toList()),
                (format, count) -> exported(file, fy, format, count));
        return new Div(grid, export);
    }

    private Div overdueGrid(List<EducationFigures.Overdue> rows, int fy) {
        Grid<EducationFigures.Overdue> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel(getTranslation("dashboard.overdue-list"));
        grid.addColumn(EducationFigures.Overdue::name).setHeader(getTranslation("roster.name")).setSortable(true);
        grid.addColumn(EducationFigures.Overdue::department).setHeader(getTranslation("dashboard.department")).setSortable(true);
        grid.addColumn(o -> itemNames.getOrDefault(o.kind() + ":" + o.itemId(), o.itemId())).setHeader(getTranslation("dashboard.item"))
                .setSortable(true).setFlexGrow(2);
        grid.addColumn(EducationFigures.Overdue::due).setHeader(getTranslation("plan.line.due")).setSortable(true);
        grid.addColumn(EducationFigures.Overdue::reminders).setHeader(getTranslation("dashboard.reminders")).setSortable(true);
        grid.setEmptyStateText(getTranslation("dashboard.overdue.none"));
        grid.setHeight("24rem");
        TextField search = new TextField();
        search.setPlaceholder(getTranslation("dashboard.search"));
        search.setAriaLabel(getTranslation("dashboard.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        var view = grid.setItems(rows);
        search.addValueChangeListener(e -> {
            String text = e.getValue().strip().toLowerCase(Locale.ROOT);
            view.setFilter(o -> text.isEmpty() || o.name().toLowerCase(Locale.ROOT).contains(text)
                    || o.department().toLowerCase(Locale.ROOT).contains(text) || o.email().toLowerCase(Locale.ROOT).contains(text));
        });
        List<String> headers = List.of(getTranslation("roster.name"), getTranslation("roster.email"), getTranslation("dashboard.department"),
                getTranslation("dashboard.item"), getTranslation("plan.line.due"), getTranslation("dashboard.reminders"));
        String title = getTranslation("dashboard.overdue-list") + " FY" + fy;
        ExportLinks export = new ExportLinks("mamori-overdue-" + fy, () -> new Table(title, headers, rows.stream()
                .map(o -> Arrays.<Object>asList(o.name(), o.email(), o.department(), itemNames.getOrDefault(o.kind() + ":" + o.itemId(),
                        o.itemId()), o.due(), o.reminders())).toList()),
                (format, count) -> exported("overdue", fy, format, count));
        return new Div(search, grid, export);
    }

    private void exported(String what, int fy, String format, int rows) {
        audit.record(AuditAction.DATA_EXPORTED, CurrentPrincipal.require().email(), "dashboard/" + what + "/FY" + fy,
                format + ", " + rows + " rows");
    }

    private FigureCard figure(String labelKey, String value) {
        return new FigureCard(getTranslation(labelKey), value);
    }

    @Override
    protected String titleKey() {
        return "dashboard.title";
    }
}
