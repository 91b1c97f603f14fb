package jp.mamori.exam.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Consumer;
import jp.mamori.exam.ExamAdministrationException;
import jp.mamori.exam.ExamDefinition;
import jp.mamori.exam.ExamDefinitions;
import jp.mamori.exam.OverduePolicy;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Refusals;

/** An exam's settings, taken from its newest version and published as the next one, with the list of versions. */
class DefinitionPanel extends Div {

    private final TextField nameJa = new TextField();
    private final TextField nameEn = new TextField();
    private final Select<String> blueprint = new Select<>();
    private final IntegerField timeLimit = new IntegerField();
    private final IntegerField passMark = new IntegerField();
    private final IntegerField attempts = new IntegerField();
    private final IntegerField waitHours = new IntegerField();
    private final Select<OverduePolicy> policy = new Select<>();
    private final IntegerField grace = new IntegerField();
    private final Checkbox showRationale = new Checkbox();

    DefinitionPanel(ExamDefinitions definitions, String examId, Consumer<ExamDefinition> onPublished) {
        List<ExamDefinition> versions = definitions.versions(examId);
        ExamDefinition.Draft draft = versions.getFirst().draft();
        nameJa.setLabel(getTranslation("exam.admin.name-ja"));
        nameJa.setValue(draft.nameJa());
        nameEn.setLabel(getTranslation("exam.admin.name-en"));
        nameEn.setValue(draft.nameEn());
        blueprint.setLabel(getTranslation("exam.admin.blueprint"));
        blueprint.setItems("standard", "expert");
        blueprint.setItemLabelGenerator(b -> getTranslation("exam.admin.blueprint." + b));
        blueprint.setValue(draft.blueprint());
        number(timeLimit, "exam.admin.time-limit", draft.timeLimitMinutes());
        number(passMark, "exam.admin.pass-mark", draft.passMark());
        number(attempts, "exam.admin.attempts", draft.attemptsAllowed());
        attempts.setHelperText(getTranslation("exam.admin.attempts.help"));
        number(waitHours, "exam.admin.wait", draft.waitHours());
        policy.setLabel(getTranslation("exam.admin.policy"));
        policy.setItems(OverduePolicy.values());
        policy.setItemLabelGenerator(p -> getTranslation("exam.admin.policy." + p.name()));
        policy.setValue(draft.overduePolicy());
        number(grace, "exam.admin.grace", draft.graceMinutes());
        grace.setVisible(draft.overduePolicy() == OverduePolicy.GRACE);
        policy.addValueChangeListener(e -> grace.setVisible(e.getValue() == OverduePolicy.GRACE));
        showRationale.setLabel(getTranslation("exam.admin.show-rationale"));
        showRationale.setValue(draft.showRationale());
        FormLayout form = new FormLayout(nameJa, nameEn, blueprint, timeLimit, passMark, attempts, waitHours, policy, grace, showRationale);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        Button publish = new Button(getTranslation("exam.admin.publish", versions.getFirst().version() + 1), e -> {
            try {
                ExamDefinition published = definitions.publish(new ExamDefinition.Draft(examId, nameJa.getValue(), nameEn.getValue(),
                        blueprint.getValue(), value(timeLimit), value(passMark), policy.getValue(), value(grace),
                        showRationale.getValue(), value(attempts), value(waitHours)));
                Notification.show(getTranslation("exam.admin.published", published.version()), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onPublished.accept(published);
            } catch (ExamAdministrationException problem) {
                Refusals.show(this, problem);
            }
        });
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.getStyle().set("margin-top", "var(--lumo-space-m)");
        Grid<ExamDefinition> history = new Grid<>();
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        history.addColumn(ExamDefinition::version).setHeader(getTranslation("exam.admin.version")).setAutoWidth(true);
        history.addColumn(d -> Formats.dateTime(d.publishedAt(), getLocale())).setHeader(getTranslation("exam.admin.published-at")).setAutoWidth(true);
        history.addColumn(ExamDefinition::publishedBy).setHeader(getTranslation("exam.admin.published-by")).setAutoWidth(true);
        history.addColumn(d -> getTranslation("exam.facts", d.form().items(), d.timeLimit().toMinutes(), d.passMark()))
                .setHeader(getTranslation("exam.admin.form")).setAutoWidth(true);
        history.setItems(versions);
        add(form, publish, new H3(getTranslation("exam.admin.versions")), history);
    }

    private void number(IntegerField field, String key, int value) {
        field.setLabel(getTranslation(key));
        field.setValue(value);
        field.setStepButtonsVisible(true);
    }

    /** An empty field counts as -1, which every range refuses with its own message. */
    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }
}
