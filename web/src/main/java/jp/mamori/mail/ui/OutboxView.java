package jp.mamori.mail.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.mail.MailEntry;
import jp.mamori.mail.MailLog;
import jp.mamori.mail.MailStatus;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Page;

/**
 * Every logged mail, newest first, with the text of the selected one when it waits in the outbox
 * (no SMTP server configured: in demo mode this is where verification links are read).
 */
@Route("admin/outbox")
@Menu(title = "outbox.title", order = 55, icon = "ENVELOPE")
@RolesAllowed({Role.Names.TRAINING_ADMIN, Role.Names.SYSTEM_ADMIN})
public class OutboxView extends Page {

    private static final int SHOWN = 500;

    private final H3 selectedSubject = new H3();
    private final Paragraph selectedNote = new Paragraph();
    private final Pre selectedBody = new Pre();

    public OutboxView(MailLog mailLog) {
        heading();
        Paragraph explain = new Paragraph(getTranslation("outbox.explain"));
        explain.addClassName("mamori-muted");
        Grid<MailEntry> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> Formats.dateTime(e.createdAt(), getLocale())).setHeader(getTranslation("outbox.when")).setAutoWidth(true);
        grid.addColumn(MailEntry::recipient).setHeader(getTranslation("outbox.to")).setAutoWidth(true);
        grid.addColumn(MailEntry::subject).setHeader(getTranslation("outbox.subject")).setFlexGrow(1);
        grid.addColumn(e -> getTranslation(e.status().labelKey())).setHeader(getTranslation("outbox.status")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("outbox.none"));
        grid.setHeight("45vh");
        grid.setAriaLabel(getTranslation("outbox.title"));
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        grid.setItems(mailLog.recent(SHOWN));

        selectedBody.addClassName("mamori-mail-body");
        selectedNote.getElement().setAttribute("role", "status");
        selectedSubject.setVisible(false);
        selectedBody.setVisible(false);
        selectedNote.setText(getTranslation("outbox.select"));
        add(explain, grid, selectedSubject, selectedNote, selectedBody);
    }

    private void show(MailEntry mail) {
        if (mail == null) {
            selectedSubject.setVisible(false);
            selectedBody.setVisible(false);
            selectedNote.setText(getTranslation("outbox.select"));
            return;
        }
        selectedSubject.setText(mail.subject());
        selectedSubject.setVisible(true);
        if (mail.body() != null) {
            selectedNote.setText(getTranslation("outbox.to-line", mail.recipient()));
            selectedBody.setText(mail.body());
            selectedBody.setVisible(true);
        } else {
            selectedNote.setText(mail.status() == MailStatus.FAILED
                    ? getTranslation("outbox.failed-note", mail.detail() == null ? "" : mail.detail())
                    : getTranslation("outbox.sent-note"));
            selectedBody.setVisible(false);
        }
    }

    @Override
    protected String titleKey() {
        return "outbox.title";
    }
}
