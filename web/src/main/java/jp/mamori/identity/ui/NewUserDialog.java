package jp.mamori.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import jp.mamori.identity.DepartmentSummary;
import jp.mamori.identity.UserAdministration;
import jp.mamori.identity.UserAdministrationException;
import jp.mamori.shared.Role;

/** Creates an account; the result is a one-time link with which the person sets their password. */
class NewUserDialog extends Dialog {

    NewUserDialog(UserAdministration administration, Consumer<String> onCreated) {
        setHeaderTitle(getTranslation("users.create"));
        EmailField email = new EmailField(getTranslation("users.email"));
        email.setRequiredIndicatorVisible(true);
        TextField name = new TextField(getTranslation("users.name"));
        name.setRequiredIndicatorVisible(true);
        ComboBox<DepartmentSummary> department = new ComboBox<>(getTranslation("users.department"));
        department.setItems(administration.departments());
        department.setItemLabelGenerator(d -> d.code() + " " + d.name());
        department.setClearButtonVisible(true);
        CheckboxGroup<Role> roles = RolesDialog.RoleChoice.create(getTranslation("users.roles"));
        FormLayout form = new FormLayout(email, name, department, roles);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button create = new Button(getTranslation("users.create"), e -> {
            try {
                String link = administration.create(new UserAdministration.NewUser(email.getValue(), name.getValue(),
                        department.getValue() == null ? null : department.getValue().id(), roles.getValue()));
                close();
                onCreated.accept(link);
            } catch (UserAdministrationException problem) {
                showProblem(problem.messageKey(), email, name, roles);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), create);
        email.focus();
    }

    private void showProblem(String key, EmailField email, TextField name, CheckboxGroup<Role> roles) {
        String message = getTranslation(key);
        if (key.startsWith("users.error.email")) {
            email.setErrorMessage(message);
            email.setInvalid(true);
        } else if (key.startsWith("users.error.name")) {
            name.setErrorMessage(message);
            name.setInvalid(true);
        } else {
            roles.setErrorMessage(message);
            roles.setInvalid(true);
        }
    }
}
