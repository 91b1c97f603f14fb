package jp.mamori.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import jp.mamori.identity.UserAdministration;
import jp.mamori.identity.UserAdministrationException;
import jp.mamori.identity.UserSummary;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.ui.Page;
import jp.mamori.shared.ui.RoleHome;

/** People and their roles: create accounts, change roles, unlock, issue a new password link, deactivate leavers, import CSV. */
@Route("admin/users")
@Menu(title = "users.title", order = 10, icon = "USERS")
@RolesAllowed({Role.Names.TRAINING_ADMIN, Role.Names.SYSTEM_ADMIN})
@RoleHome(Role.TRAINING_ADMIN)
public class UsersView extends Page {

    private final UserAdministration administration;
    private final Grid<UserSummary> grid = new Grid<>();
    private final TextField filter = new TextField();
    private ListDataProvider<UserSummary> data;

    public UsersView(UserAdministration administration) {
        this.administration = administration;
        heading();
        filter.setPlaceholder(getTranslation("users.filter"));
        filter.setAriaLabel(getTranslation("users.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> applyFilter());
        Button create = new Button(getTranslation("users.create"), VaadinIcon.PLUS.create(),
                e -> new NewUserDialog(administration, this::showLink).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout tools = new HorizontalLayout(filter, create);
        if (CurrentPrincipal.get().map(p -> p.roles().contains(Role.TRAINING_ADMIN)).orElse(false)) {
            tools.add(new Button(getTranslation("users.import"), VaadinIcon.UPLOAD.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(PeopleImportView.class))));
        }
        tools.setWidthFull();
        tools.setWrap(true);
        tools.setFlexGrow(1, filter);
        add(tools, grid);
        configureGrid();
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("users.name")).setSortable(true)
                .setComparator(Comparator.comparing(UserSummary::displayName)).setAutoWidth(true).setFrozen(true);
        grid.addColumn(UserSummary::email).setHeader(getTranslation("users.email")).setSortable(true)
                .setComparator(Comparator.comparing(UserSummary::email)).setAutoWidth(true);
        grid.addColumn(UserSummary::department).setHeader(getTranslation("users.department")).setSortable(true)
                .setComparator(Comparator.comparing(UserSummary::department)).setAutoWidth(true);
        grid.addColumn(this::roles).setHeader(getTranslation("users.roles")).setAutoWidth(true);
        grid.addColumn(this::status).setHeader(getTranslation("users.status")).setSortable(true)
                .setComparator(Comparator.comparing(this::status)).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("users.actions")).setAutoWidth(true);
    }

    private String roles(UserSummary user) {
        return user.roles().stream().sorted().map(role -> getTranslation(role.labelKey())).collect(Collectors.joining("、"));
    }

    private String status(UserSummary user) {
        if (!user.active()) {
            return getTranslation("users.status.deactivated");
        }
        if (user.locked()) {
            return getTranslation("users.status.locked");
        }
        return getTranslation(user.passwordSet() ? "users.status.active" : "users.status.no-password");
    }

    private HorizontalLayout actions(UserSummary user) {
        HorizontalLayout actions = new HorizontalLayout(
                iconButton(VaadinIcon.USER_CARD, "users.edit-roles", "users.edit-roles-of", user,
                        () -> new RolesDialog(user, administration, this::refresh).open()),
                iconButton(VaadinIcon.KEY, "users.new-link", "users.new-link-of", user,
                        () -> run(() -> showLink(administration.issuePasswordLink(user.id())))));
        actions.setSpacing(false);
        boolean self = CurrentPrincipal.get().map(p -> p.id() == user.id()).orElse(false);
        if (user.active() && !self) {
            actions.add(iconButton(VaadinIcon.BAN, "users.deactivate", "users.deactivate-of", user, () -> run(() -> {
                administration.deactivate(user.id());
                notify(getTranslation("users.deactivated", user.displayName()), NotificationVariant.LUMO_SUCCESS);
            })));
        } else if (!user.active()) {
            actions.add(iconButton(VaadinIcon.CHECK_CIRCLE, "users.reactivate", "users.reactivate-of", user, () -> run(() -> {
                administration.reactivate(user.id());
                notify(getTranslation("users.reactivated", user.displayName()), NotificationVariant.LUMO_SUCCESS);
            })));
        }
        if (user.locked()) {
            Button unlock = iconButton(VaadinIcon.UNLOCK, "users.unlock", "users.unlock-of", user, () -> run(() -> {
                administration.unlock(user.id());
                notify(getTranslation("users.unlocked", user.displayName()), NotificationVariant.LUMO_SUCCESS);
            }));
            unlock.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.addComponentAsFirst(unlock);
        }
        return actions;
    }

    /** A compact button: the icon shows, the tooltip and the screen-reader label name the person. */
    private Button iconButton(VaadinIcon icon, String tooltipKey, String labelKey, UserSummary user, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        button.setTooltipText(getTranslation(tooltipKey));
        button.setAriaLabel(getTranslation(labelKey, user.displayName()));
        return button;
    }

    private void run(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (UserAdministrationException e) {
            notify(getTranslation(e.messageKey()), NotificationVariant.LUMO_ERROR);
        }
    }

    private void showLink(String link) {
        refresh();
        new LinkDialog(link).open();
    }

    private void refresh() {
        data = new ListDataProvider<>(administration.users());
        grid.setDataProvider(data);
        applyFilter();
    }

    private void applyFilter() {
        String needle = filter.getValue().strip().toLowerCase(Locale.ROOT);
        data.setFilter(user -> needle.isEmpty()
                || (user.displayName() + " " + user.email() + " " + user.department() + " " + roles(user))
                        .toLowerCase(Locale.ROOT).contains(needle));
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 5000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
    }

    @Override
    protected String titleKey() {
        return "users.title";
    }
}
