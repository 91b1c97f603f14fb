package jp.mamori.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.EnumSet;
import jp.mamori.identity.UserAdministration;
import jp.mamori.identity.UserAdministrationException;
import jp.mamori.identity.UserSummary;
import jp.mamori.shared.Role;

/** Changes one person's roles. */
class RolesDialog extends Dialog {

    RolesDialog(UserSummary user, UserAdministration administration, Runnable onSaved) {
        setHeaderTitle(getTranslation("users.edit-roles-of", user.displayName()));
        CheckboxGroup<Role> roles = RoleChoice.create(getTranslation("users.roles"));
        roles.setValue(user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles()));
        add(roles);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                administration.changeRoles(user.id(), roles.getValue());
                close();
                onSaved.run();
            } catch (UserAdministrationException problem) {
                roles.setErrorMessage(getTranslation(problem.messageKey()));
                roles.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }

    /** The role checkboxes, shared by this dialog and the new-person dialog. */
    static final class RoleChoice {
        private RoleChoice() {
        }

        static CheckboxGroup<Role> create(String label) {
            CheckboxGroup<Role> roles = new CheckboxGroup<>(label);
            roles.setItems(Role.values());
            roles.setItemLabelGenerator(role -> roles.getTranslation(role.labelKey()));
            roles.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            return roles;
        }
    }
}
