package jp.mamori.shared.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import jp.mamori.shared.i18n.LanguagePreferences;
import jp.mamori.shared.security.CurrentPrincipal;

/**
 * The frame around every view after login: the menu (only the views the person's roles may open),
 * the person's name, the language switch and logout.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, LanguagePreferences languages) {
        setPrimarySection(Section.DRAWER);
        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("mamori-brand");
        addToDrawer(brand, menu());

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        Span name = new Span(CurrentPrincipal.get().map(p -> p.displayName()).orElse(""));
        name.addClassNames("mamori-muted", "mamori-user-name");
        Button logout = new Button(getTranslation("layout.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout right = new HorizontalLayout(name, new LanguageSelect(languages), logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.getStyle().set("margin-inline", "auto var(--lumo-space-m)");
        addToNavbar(toggle, right);
    }

    private SideNav menu() {
        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", getTranslation("layout.menu"));
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
            }
            nav.addItem(item);
        }
        return nav;
    }
}
