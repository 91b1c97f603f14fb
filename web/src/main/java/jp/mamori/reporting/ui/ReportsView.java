package jp.mamori.reporting.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;
import jp.mamori.assignment.AssignmentTitles;
import jp.mamori.assignment.EducationPlan;
import jp.mamori.assignment.EducationPlans;
import jp.mamori.assignment.PlanLine;
import jp.mamori.reporting.EducationReports;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Page;

/**
 * 教育実施報告書 of a fiscal year: the training administrator generates one from the approved plan (it then waits for
 * approval), the privacy officer approves it (the approval is stamped on it), everyone here — the auditor too — opens
 * each stored version as a PDF.
 */
@Route("office/reports")
@Menu(title = "report.title", order = 7, icon = "FILE_TEXT")
@RolesAllowed({Role.Names.TRAINING_ADMIN, Role.Names.PRIVACY_OFFICER, Role.Names.AUDITOR})
public class ReportsView extends Page {

    private final EducationReports reports;
    private final EducationPlans plans;
    private final Select<Integer> year = new Select<>();
    private final Grid<EducationReports.Report> grid = new Grid<>();
    private final Div actions = new Div();
    private final Select<PlanLine> line = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final boolean admin;
    private final boolean officer;

    public ReportsView(EducationReports reports, EducationPlans plans, AssignmentTitles titles) {
        this.reports = reports;
        this.plans = plans;
        java.util.Map<String, String> names = titles.names(getLocale());
        admin = CurrentPrincipal.require().roles().contains(Role.TRAINING_ADMIN);
        officer = CurrentPrincipal.require().roles().contains(Role.PRIVACY_OFFICER);
        heading();
        add(new Paragraph(getTranslation("report.explain")));
        int current = plans.currentYear();
        year.setLabel(getTranslation("plan.year"));
        year.setItems(IntStream.rangeClosed(current - 4, current).boxed().sorted(Comparator.reverseOrder()).toList());
        year.setItemLabelGenerator(y -> getTranslation("plan.year.value", y));
        year.setValue(current);
        year.addValueChangeListener(e -> reload());
        grid.setAriaLabel(getTranslation("report.title"));
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> Formats.dateTime(r.createdAt(), getLocale())).setHeader(getTranslation("report.created")).setAutoWidth(true);
        grid.addColumn(EducationReports.Report::createdBy).setHeader(getTranslation("report.created-by")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("report.status." + r.status())).setHeader(getTranslation("plan.status")).setAutoWidth(true);
        grid.addColumn(r -> r.approvedBy().map(by -> by + " " + r.approvedAt().map(at -> Formats.dateTime(at, getLocale())).orElse("")).orElse("—"))
                .setHeader(getTranslation("report.approved")).setFlexGrow(1);
        grid.addColumn(r -> "#" + r.chainSeq()).setHeader(getTranslation("report.chain")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("report.actions")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("report.none"));
        FlexLayout top = new FlexLayout(year);
        top.setAlignItems(FlexLayout.Alignment.END);
        top.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        top.getStyle().set("gap", "var(--lumo-space-m)");
        if (admin) {
            Button generate = new Button(getTranslation("report.generate"), e -> run(() -> {
                Optional<EducationPlan> approved = plans.of(year.getValue()).stream()
                        .filter(p -> p.status() == EducationPlan.Status.APPROVED).findFirst();
                if (approved.isEmpty()) {
                    throw new EducationReports.ReportException("report.error.plan-not-approved");
                }
                reports.generate(approved.get().id(), new EducationReports.Scope(Optional.ofNullable(line.getValue()).map(PlanLine::id),
                        Optional.ofNullable(from.getValue()), Optional.ofNullable(to.getValue())));
                notify("report.generated");
            }));
            generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            line.setLabel(getTranslation("report.scope.line"));
            line.setEmptySelectionAllowed(true);
            line.setEmptySelectionCaption(getTranslation("report.scope.all"));
            line.setItemLabelGenerator(l -> l == null ? getTranslation("report.scope.all") : names.getOrDefault(l.kind().name() + ":" + l.itemId(), l.itemId()) + " (" + l.due() + ")");
            from.setLabel(getTranslation("report.scope.from"));
            to.setLabel(getTranslation("report.scope.to"));
            year.addValueChangeListener(e -> lines());
            lines();
            top.add(line, from, to, generate);
        }
        add(top, grid, actions);
        reload();
    }

    private Div actions(EducationReports.Report report) {
        long id = report.id();
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = reports.pdf(id);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "mamori-education-report-FY" + report.fiscalYear() + "-" + id + ".pdf",
                    "application/pdf", bytes.length);
        }), getTranslation("report.pdf"));
        pdf.getElement().setAttribute("download", true);
        Div cell = new Div(pdf);
        if (officer && "SUBMITTED".equals(report.status())) {
            Button approve = new Button(getTranslation("report.approve"), e -> run(() -> {
                reports.approve(id);
                notify("report.approved-now");
            }));
            approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
            approve.getStyle().set("margin-left", "var(--lumo-space-m)");
            cell.add(approve);
        }
        return cell;
    }

    /** The lines of the year's approved plan, to report on one of them. */
    private void lines() {
        line.setItems(plans.of(year.getValue()).stream().filter(p -> p.status() == EducationPlan.Status.APPROVED).findFirst()
                .map(EducationPlan::lines).orElse(java.util.List.of()));
    }

    private void reload() {
        grid.setItems(reports.of(year.getValue()));
    }

    private void run(Runnable action) {
        try {
            action.run();
            reload();
        } catch (EducationReports.ReportException problem) {
            Notification.show(getTranslation(problem.messageKey(), problem.params()), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void notify(String key) {
        Notification.show(getTranslation(key), 5000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    protected String titleKey() {
        return "report.title";
    }
}
