package jp.mamori.exam.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.Instant;
import java.time.LocalDateTime;
import jp.mamori.exam.ExamAdministrationException;
import jp.mamori.exam.ExamWindow;
import jp.mamori.exam.ExamWindows;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Refusals;

/** The windows of one exam: open a new one (times in the admin's zone), see bookings, cancel one. */
class WindowsPanel extends Div {

    private final ExamWindows windows;
    private final String examId;
    private final Grid<ExamWindow> grid = new Grid<>();

    WindowsPanel(ExamWindows windows, String examId) {
        this.windows = windows;
        this.examId = examId;
        DateTimePicker opens = new DateTimePicker(getTranslation("exam.window.opens"));
        DateTimePicker closes = new DateTimePicker(getTranslation("exam.window.closes"));
        IntegerField capacity = new IntegerField(getTranslation("exam.window.capacity"));
        capacity.setValue(30);
        capacity.setStepButtonsVisible(true);
        Button add = new Button(getTranslation("exam.window.add"), e -> {
            try {
                windows.open(examId, instant(opens.getValue()), instant(closes.getValue()),
                        capacity.getValue() == null ? 0 : capacity.getValue());
                refresh();
            } catch (ExamAdministrationException problem) {
                Refusals.show(this, problem);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(opens, closes, capacity, add);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(w -> Formats.dateTime(w.opensAt(), getLocale())).setHeader(getTranslation("exam.window.opens")).setAutoWidth(true);
        grid.addColumn(w -> Formats.dateTime(w.closesAt(), getLocale())).setHeader(getTranslation("exam.window.closes")).setAutoWidth(true);
        grid.addColumn(w -> w.booked() + " / " + w.capacity()).setHeader(getTranslation("exam.window.booked")).setAutoWidth(true);
        grid.addComponentColumn(w -> {
            if (w.cancelled()) {
                return new Div(getTranslation("exam.window.cancelled"));
            }
            Button cancel = new Button(getTranslation("exam.window.cancel"), e -> {
                windows.cancel(w.id());
                refresh();
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            cancel.setAriaLabel(getTranslation("exam.window.cancel") + ": " + Formats.dateTime(w.opensAt(), getLocale()));
            return cancel;
        }).setHeader(getTranslation("exam.window.state")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("exam.window.none"));
        grid.setId("exam-windows");
        add(form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(windows.windows(examId));
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(Formats.zone()).toInstant();
    }
}
