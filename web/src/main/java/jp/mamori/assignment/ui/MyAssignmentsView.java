package jp.mamori.assignment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Map;
import jp.mamori.assignment.Assignment;
import jp.mamori.assignment.AssignmentTitles;
import jp.mamori.assignment.Assignments;
import jp.mamori.mail.MailEntry;
import jp.mamori.mail.MailLog;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Page;

/** The person's assignments with due dates and status (overdue said in words), and the mail Mamori sent them. */
@Route("assignments")
@Menu(title = "assignments.title", order = 24, icon = "TASKS")
@RolesAllowed({Role.Names.LEARNER, Role.Names.EXAMINER, Role.Names.CANDIDATE})
public class MyAssignmentsView extends Page {

    public MyAssignmentsView(Assignments assignments, AssignmentTitles titles, MailLog mail, java.time.Clock clock) {
        heading();
        add(new Paragraph(getTranslation("assignments.explain")));
        LocalDate today = LocalDate.ofInstant(clock.instant(), FiscalYears.JAPAN);
        Map<String, String> names = titles.names(getLocale());
        Grid<Assignment> grid = new Grid<>();
        grid.setAriaLabel(getTranslation("assignments.title"));
        grid.setAllRowsVisible(true);
        grid.addColumn(a -> names.getOrDefault(AssignmentTitles.key(a), a.itemId())).setHeader(getTranslation("assignments.item")).setFlexGrow(2);
        grid.addColumn(Assignment::due).setHeader(getTranslation("assignments.due")).setAutoWidth(true);
        grid.addComponentColumn(a -> status(a, today)).setHeader(getTranslation("assignments.status")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("assignments.none"));
        grid.setItems(assignments.mine());
        Grid<MailEntry> mails = new Grid<>();
        mails.setAriaLabel(getTranslation("assignments.mail"));
        mails.setAllRowsVisible(true);
        mails.addColumn(m -> Formats.dateTime(m.createdAt(), getLocale())).setHeader(getTranslation("assignments.mail.when")).setAutoWidth(true);
        mails.addColumn(MailEntry::subject).setHeader(getTranslation("assignments.mail.subject")).setFlexGrow(1);
        mails.setEmptyStateText(getTranslation("assignments.mail.none"));
        mails.setItems(mail.mine(100));
        add(grid, new H3(getTranslation("assignments.mail")), mails);
    }

    private Span status(Assignment assignment, LocalDate today) {
        Span status = new Span(assignment.completedAt().map(at -> getTranslation("assignments.done", Formats.dateTime(at, getLocale())))
                .orElseGet(() -> getTranslation(assignment.overdue(today) ? "assignments.overdue" : "assignments.open")));
        status.getElement().getThemeList().add(assignment.completedAt().isPresent() ? "badge success"
                : assignment.overdue(today) ? "badge error" : "badge");
        return status;
    }

    @Override
    protected String titleKey() {
        return "assignments.title";
    }
}
