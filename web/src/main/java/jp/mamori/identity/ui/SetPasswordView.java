package jp.mamori.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import jp.mamori.identity.PasswordLinks;
import jp.mamori.shared.ui.PublicPage;

/** Where a one-time link leads: the person chooses their password, then logs in. */
@Route(value = "set-password", autoLayout = false)
@AnonymousAllowed
public class SetPasswordView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordLinks links;
    private String token;

    public SetPasswordView(PasswordLinks links) {
        this.links = links;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        card().removeAll();
        Optional<String> account = links.accountFor(token);
        if (account.isEmpty()) {
            Paragraph invalid = new Paragraph(getTranslation("password.error.link-invalid"));
            invalid.getElement().setAttribute("role", "alert");
            card().add(invalid);
            return;
        }
        PasswordField password = new PasswordField(getTranslation("password.new"));
        password.setHelperText(getTranslation("password.rules"));
        password.setWidthFull();
        PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
        repeat.setWidthFull();
        Button save = new Button(getTranslation("password.save"), e -> save(password, repeat));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        card().add(new H2(getTranslation("password.title")), new Paragraph(getTranslation("password.for", account.get())),
                password, repeat, save);
        password.focus();
    }

    private void save(PasswordField password, PasswordField repeat) {
        password.setInvalid(false);
        repeat.setInvalid(false);
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("password.error.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        Optional<String> problem = links.setPassword(token, password.getValue());
        if (problem.isPresent()) {
            password.setErrorMessage(getTranslation(problem.get()));
            password.setInvalid(true);
            return;
        }
        getUI().ifPresent(ui -> ui.getPage().setLocation("login?password-set"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title") + " | " + getTranslation("app.name");
    }
}
