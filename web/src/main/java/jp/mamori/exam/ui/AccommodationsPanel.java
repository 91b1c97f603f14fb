package jp.mamori.exam.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import jp.mamori.exam.Accommodations;
import jp.mamori.exam.ExamAdministrationException;
import jp.mamori.shared.ui.Refusals;

/** Extra time for named candidates on one exam: grant (or change) by e-mail, see who has it and why, withdraw. */
class AccommodationsPanel extends Div {

    private final Accommodations accommodations;
    private final String examId;
    private final Grid<Accommodations.Accommodation> grid = new Grid<>();

    AccommodationsPanel(Accommodations accommodations, String examId) {
        this.accommodations = accommodations;
        this.examId = examId;
        EmailField email = new EmailField(getTranslation("exam.accommodation.candidate"));
        IntegerField minutes = new IntegerField(getTranslation("exam.accommodation.minutes"));
        minutes.setStepButtonsVisible(true);
        TextField reason = new TextField(getTranslation("exam.accommodation.reason"));
        reason.setMaxLength(500);
        Button grant = new Button(getTranslation("exam.accommodation.grant"), e -> {
            try {
                accommodations.grant(examId, email.getValue(), minutes.getValue() == null ? 0 : minutes.getValue(), reason.getValue());
                email.clear();
                minutes.clear();
                reason.clear();
                refresh();
            } catch (ExamAdministrationException problem) {
                Refusals.show(this, problem);
            }
        });
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(email, minutes, reason, grant);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Accommodations.Accommodation::name).setHeader(getTranslation("users.name")).setAutoWidth(true);
        grid.addColumn(Accommodations.Accommodation::email).setHeader(getTranslation("users.email")).setAutoWidth(true);
        grid.addColumn(Accommodations.Accommodation::extraMinutes).setHeader(getTranslation("exam.accommodation.minutes")).setAutoWidth(true);
        grid.addColumn(Accommodations.Accommodation::reason).setHeader(getTranslation("exam.accommodation.reason")).setFlexGrow(1);
        grid.addComponentColumn(a -> {
            Button withdraw = new Button(getTranslation("exam.accommodation.withdraw"), e -> {
                accommodations.withdraw(examId, a.userId());
                refresh();
            });
            withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            withdraw.setAriaLabel(getTranslation("exam.accommodation.withdraw") + ": " + a.email());
            return withdraw;
        }).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("exam.accommodation.none"));
        add(form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(accommodations.list(examId));
    }
}
