package jp.mamori.attestation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.mamori.attestation.Clearance;
import jp.mamori.attestation.DeclarationPdf;
import jp.mamori.attestation.ExaminerClearance;
import jp.mamori.attestation.ExaminerReminders;
import jp.mamori.attestation.Signatures;
import jp.mamori.attestation.SpotChecks;
import jp.mamori.shared.Role;
import jp.mamori.shared.export.Table;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.ui.ExportLinks;
import jp.mamori.shared.ui.Page;

/**
 * The examiner roster: who is cleared to review in a fiscal year, module and declaration progress, open spot-check
 * discrepancies; filter, export, remind (TRAINING_ADMIN), and open a person's signatures. The privacy officer and the
 * auditor read the same, without anything that changes data.
 */
@Route("admin/examiners")
@Menu(title = "roster.title", order = 11, icon = "USER_CHECK")
@RolesAllowed({Role.Names.TRAINING_ADMIN, Role.Names.PRIVACY_OFFICER, Role.Names.AUDITOR})
public class ExaminerRosterView extends Page {

    enum Shown { ALL, CLEARED, NOT_CLEARED }

    private final ExaminerClearance clearance;
    private final Grid<Clearance> grid = new Grid<>();
    private final Select<Integer> year = new Select<>();
    private final Select<Shown> shown = new Select<>();
    private final TextField search = new TextField();
    private final boolean admin;
    private List<Clearance> all = List.of();
    private volatile List<Clearance> visible = List.of();

    public ExaminerRosterView(ExaminerClearance clearance, ExaminerReminders reminders, Signatures signatures,
                              SpotChecks spotChecks, DeclarationPdf pdf) {
        this.clearance = clearance;
        this.admin = CurrentPrincipal.require().roles().contains(Role.TRAINING_ADMIN);
        heading();
        add(new Paragraph(getTranslation("roster.explain")));
        int current = clearance.currentYear();
        year.setLabel(getTranslation("roster.year"));
        year.setItems(IntStream.rangeClosed(0, 4).mapToObj(back -> current - back).toList());
        year.setItemLabelGenerator(y -> getTranslation("roster.year.value", y));
        year.setValue(current);
        year.addValueChangeListener(e -> reload());
        shown.setLabel(getTranslation("roster.show"));
        shown.setItems(Shown.values());
        shown.setItemLabelGenerator(s -> getTranslation("roster.show." + s.name()));
        shown.setValue(Shown.ALL);
        shown.addValueChangeListener(e -> filter());
        search.setLabel(getTranslation("roster.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> filter());
        FlexLayout filters = new FlexLayout(year, shown, search);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAriaLabel(getTranslation("roster.title"));
        grid.addColumn(Clearance::name).setHeader(getTranslation("roster.name")).setSortable(true).setAutoWidth(true);
        grid.addColumn(Clearance::email).setHeader(getTranslation("roster.email")).setSortable(true).setAutoWidth(true);
        grid.addColumn(this::verdict).setHeader(getTranslation("roster.status")).setSortable(true).setAutoWidth(true);
        grid.addColumn(c -> c.modulesDone().size() + " / " + c.modulesTotal()).setHeader(getTranslation("roster.modules"))
                .setComparator(c -> c.modulesDone().size()).setAutoWidth(true);
        grid.addColumn(c -> c.declarationsSigned().size() + " / " + c.declarationsTotal()).setHeader(getTranslation("roster.declarations"))
                .setComparator(c -> c.declarationsSigned().size()).setAutoWidth(true);
        grid.addColumn(c -> c.discrepancies().size()).setHeader(getTranslation("roster.discrepancies")).setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(c -> {
            Button details = new Button(getTranslation("roster.details"), e ->
                    new ExaminerDetailsDialog(c, clearance, signatures, spotChecks, pdf, admin, this::reload).open());
            details.setAriaLabel(getTranslation("roster.details") + ": " + c.name());
            return details;
        }).setHeader(getTranslation("roster.details")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("roster.none"));
        grid.addSortListener(e -> visible = grid.getListDataView().getItems().toList());
        grid.setHeight("60vh");

        Locale locale = getLocale();
        List<String> headers = List.of(getTranslation("roster.name"), getTranslation("roster.email"), getTranslation("roster.status"),
                getTranslation("roster.modules-done"), getTranslation("roster.modules-total"), getTranslation("roster.declarations-signed"),
                getTranslation("roster.declarations-total"), getTranslation("roster.discrepancies"), getTranslation("roster.active"));
        String title = getTranslation("roster.title");
        ExportLinks export = new ExportLinks("mamori-examiners", () -> table(title, headers, locale),
                (format, rows) -> clearance.recordExport(year.getValue(), format, rows));
        FlexLayout actions = new FlexLayout(export);
        actions.setAlignItems(FlexLayout.Alignment.CENTER);
        actions.getStyle().set("gap", "var(--lumo-space-l)");
        if (admin) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            Button remind = new Button(getTranslation("roster.remind"), e -> {
                Set<Long> chosen = grid.getSelectedItems().stream().map(Clearance::userId).collect(Collectors.toSet());
                int sent = reminders.remind(chosen);
                Notification.show(getTranslation("roster.reminded", sent), 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            });
            remind.setEnabled(false);
            grid.addSelectionListener(e -> remind.setEnabled(year.getValue() == current && !e.getAllSelectedItems().isEmpty()));
            actions.add(remind);
        }
        add(filters, grid, actions);
        reload();
    }

    private String verdict(Clearance c) {
        String verdict = getTranslation(c.cleared() ? "roster.cleared" : "roster.not-cleared");
        return c.active() ? verdict : verdict + " (" + getTranslation("roster.left") + ")";
    }

    private void reload() {
        all = clearance.roster(year.getValue());
        grid.deselectAll();
        filter();
    }

    private void filter() {
        String text = search.getValue().strip().toLowerCase(Locale.ROOT);
        List<Clearance> matching = all.stream()
                .filter(c -> switch (shown.getValue()) {
                    case ALL -> true;
                    case CLEARED -> c.cleared();
                    case NOT_CLEARED -> !c.cleared();
                })
                .filter(c -> text.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(text)
                        || c.email().toLowerCase(Locale.ROOT).contains(text))
                .toList();
        grid.setItems(matching);
        visible = grid.getListDataView().getItems().toList();
    }

    /** The rows as filtered on screen, in the grid's current sort order. */
    private Table table(String title, List<String> headers, Locale locale) {
        List<Clearance> rows = visible;
        String cleared = getTranslation(locale, "roster.cleared");
        String notCleared = getTranslation(locale, "roster.not-cleared");
        return new Table(title + " " + year.getValue(), headers, rows.stream().map(c -> Arrays.<Object>asList(c.name(), c.email(),
                c.cleared() ? cleared : notCleared, c.modulesDone().size(), c.modulesTotal(), c.declarationsSigned().size(),
                c.declarationsTotal(), c.discrepancies().size(), c.active())).toList());
    }

    @Override
    protected String titleKey() {
        return "roster.title";
    }
}
