package jp.mamori.exam.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.ui.PersonalHomePage;
import jp.mamori.exam.CandidateExams;
import jp.mamori.exam.ExamAdministrationException;
import jp.mamori.exam.ExamWindow;
import jp.mamori.exam.ExamWindows;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.RoleHome;

/**
 * The CANDIDATE home: each exam with what can be done now (start, resume, book a window, or why not yet), then the
 * person's own evidence records.
 */
@Route("candidate")
@Menu(title = "home.candidate.title", order = 22, icon = "DIPLOMA")
@RolesAllowed(Role.Names.CANDIDATE)
@RoleHome(Role.CANDIDATE)
public class CandidateHomeView extends PersonalHomePage {

    private final CandidateExams exams;
    private final ExamWindows windows;
    private final Clock clock;
    private final Div cards = new Div();

    public CandidateHomeView(EvidenceLedger ledger, CandidateExams exams, ExamWindows windows, Clock clock) {
        super(ledger, "home.candidate");
        this.exams = exams;
        this.windows = windows;
        this.clock = clock;
        cards.addClassName("mamori-programme");
        addComponentAtIndex(2, new H3(getTranslation("exam.available")));
        addComponentAtIndex(3, cards);
        render();
    }

    private void render() {
        cards.removeAll();
        for (CandidateExams.Sitting sitting : exams.sittings()) {
            cards.add(card(sitting));
        }
    }

    private Div card(CandidateExams.Sitting sitting) {
        String name = sitting.exam().name(getLocale());
        Div card = new Div(new H3(name), new Paragraph(getTranslation("exam.facts", sitting.exam().form().items(),
                sitting.exam().timeLimit().toMinutes(), sitting.exam().passMark())));
        card.addClassName("mamori-card");
        if (sitting.exam().attemptsAllowed() > 0) {
            card.add(new Paragraph(getTranslation("exam.attempts-used", sitting.attemptsUsed(), sitting.exam().attemptsAllowed())));
        }
        sitting.booking().ifPresentOrElse(booked -> card.add(booking(booked)), () -> {
            if (!sitting.bookable().isEmpty()) {
                card.add(bookingChoice(sitting, name));
            }
        });
        Button start = new Button(getTranslation(sitting.resumable() ? "exam.resume" : "exam.start"),
                e -> getUI().ifPresent(ui -> ui.navigate(ExamView.class, sitting.exam().examId())));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setAriaLabel(start.getText() + ": " + name);
        start.setEnabled(sitting.canStart());
        card.add(start);
        if (!sitting.canStart()) {
            Paragraph why = new Paragraph(getTranslation(sitting.reasonKey(), Formats.params(getLocale(), sitting.reasonParams().toArray())));
            why.addClassName("mamori-muted");
            card.add(why);
        }
        return card;
    }

    private HorizontalLayout booking(ExamWindow booked) {
        Paragraph text = new Paragraph(getTranslation("exam.booked", period(booked)));
        Button cancel = new Button(getTranslation("exam.book.cancel"), e -> act(() -> windows.cancelBooking(booked.id())));
        cancel.setVisible(booked.opensAt().isAfter(clock.instant()));
        HorizontalLayout row = new HorizontalLayout(text, cancel);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private HorizontalLayout bookingChoice(CandidateExams.Sitting sitting, String name) {
        Select<ExamWindow> choice = new Select<>();
        choice.setLabel(getTranslation("exam.book.window"));
        choice.setItems(sitting.bookable());
        choice.setItemLabelGenerator(w -> period(w) + (w.isFull() ? " " + getTranslation("exam.book.full") : ""));
        choice.setItemEnabledProvider(w -> !w.isFull());
        Button book = new Button(getTranslation("exam.book"), e -> {
            if (choice.getValue() == null) {
                choice.setErrorMessage(getTranslation("exam.book.choose"));
                choice.setInvalid(true);
                return;
            }
            act(() -> windows.book(choice.getValue().id()));
        });
        book.setAriaLabel(getTranslation("exam.book") + ": " + name);
        HorizontalLayout row = new HorizontalLayout(choice, book);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private String period(ExamWindow window) {
        return Formats.dateTime(window.opensAt(), getLocale()) + " – " + Formats.dateTime(window.closesAt(), getLocale());
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (ExamAdministrationException problem) {
            Notification.show(getTranslation(problem.messageKey(), problem.params()), 6000, Notification.Position.MIDDLE);
        }
        render();
    }
}
