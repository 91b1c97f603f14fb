package jp.mamori.shared.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Set;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;

/** The address after login: sends each person to the home view of their role. */
@Route("")
@PermitAll
public class HomeRedirect extends Page implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Set<Role> roles = CurrentPrincipal.get().map(MamoriPrincipal::roles).orElse(Set.of());
        HomeViews.forRoles(roles).ifPresentOrElse(event::forwardTo,
                () -> add(new Paragraph(getTranslation("home.no-role"))));
    }

    @Override
    protected String titleKey() {
        return "app.name";
    }
}
