package jp.mamori.assignment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jp.mamori.assignment.EducationPlans;
import jp.mamori.assignment.ItemKind;
import jp.mamori.assignment.PlanLine;
import jp.mamori.identity.DepartmentSummary;
import jp.mamori.identity.People;
import jp.mamori.shared.Role;

/** One plan line to add: what, for whom, the period and the due date. The service checks it when the plan is saved. */
class PlanLineDialog extends Dialog {

    PlanLineDialog(Map<ItemKind, Map<String, String>> items, List<DepartmentSummary> departments, List<People.Member> people,
                   LocalDate yearStart, LocalDate yearEnd, Consumer<PlanLine> added) {
        setHeaderTitle(getTranslation("plan.add-line"));
        Select<ItemKind> kind = new Select<>();
        kind.setLabel(getTranslation("plan.field.kind"));
        kind.setItems(ItemKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        ComboBox<String> item = new ComboBox<>(getTranslation("plan.field.item"));
        kind.addValueChangeListener(e -> {
            Map<String, String> names = items.getOrDefault(e.getValue(), Map.of());
            item.setItems(names.keySet());
            item.setItemLabelGenerator(id -> names.getOrDefault(id, id));
            item.setValue(e.getValue() == ItemKind.EXAMINER_CURRICULUM ? EducationPlans.EXAMINER_CURRICULUM : null);
            item.setEnabled(e.getValue() != ItemKind.EXAMINER_CURRICULUM);
        });
        kind.setValue(ItemKind.DECK);
        MultiSelectComboBox<Role> roles = new MultiSelectComboBox<>(getTranslation("plan.field.roles"));
        roles.setItems(EnumSet.of(Role.LEARNER, Role.EXAMINER, Role.CANDIDATE));
        roles.setItemLabelGenerator(r -> getTranslation(r.labelKey()));
        MultiSelectComboBox<DepartmentSummary> depts = new MultiSelectComboBox<>(getTranslation("plan.field.departments"));
        depts.setItems(departments);
        depts.setItemLabelGenerator(d -> d.code() + " " + d.name());
        MultiSelectComboBox<People.Member> named = new MultiSelectComboBox<>(getTranslation("plan.field.people"));
        named.setItems(people.stream().filter(People.Member::active).toList());
        named.setItemLabelGenerator(m -> m.name() + " <" + m.email() + ">");
        DatePicker start = new DatePicker(getTranslation("plan.field.start"), yearStart);
        DatePicker end = new DatePicker(getTranslation("plan.field.end"), yearEnd);
        DatePicker due = new DatePicker(getTranslation("plan.field.due"), yearEnd);
        Checkbox recurring = new Checkbox(getTranslation("plan.field.recurring"), true);
        FormLayout form = new FormLayout(kind, item, roles, depts, named, start, end, due, recurring);
        form.setColspan(named, 2);
        add(form);
        Button add = new Button(getTranslation("plan.add-line"), e -> {
            if (kind.getValue() == null || item.getValue() == null) {
                item.setErrorMessage(getTranslation("plan.field.item"));
                item.setInvalid(true);
                return;
            }
            added.accept(new PlanLine(null, kind.getValue(), item.getValue(), roles.getValue(),
                    depts.getValue().stream().map(DepartmentSummary::id).collect(Collectors.toSet()),
                    named.getValue().stream().map(People.Member::id).collect(Collectors.toSet()),
                    start.getValue(), end.getValue(), due.getValue(), recurring.getValue()));
            close();
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), add);
        setWidth("min(48rem, 100vw)");
    }
}
