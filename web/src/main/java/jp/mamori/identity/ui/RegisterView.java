package jp.mamori.identity.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import java.util.Map;
import jp.mamori.identity.Registration;
import jp.mamori.identity.RegistrationException;
import jp.mamori.shared.i18n.Languages;
import jp.mamori.shared.ui.ClientAddress;
import jp.mamori.shared.ui.PublicPage;

/**
 * Self-registration for candidates: name, e-mail, password twice and language. Whatever the address, the page then
 * says that a mail was sent, so nobody learns here whether an address is registered.
 */
@Route(value = "register", autoLayout = false)
@AnonymousAllowed
public class RegisterView extends PublicPage implements HasDynamicTitle {

    private final Registration registration;
    private final Paragraph formProblem = new Paragraph();
    private final TextField name = new TextField();
    private final EmailField email = new EmailField();
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Select<Locale> language = new Select<>();

    public RegisterView(Registration registration) {
        this.registration = registration;
        card().setPadding(false);
        showForm();
    }

    private void showForm() {
        name.setLabel(getTranslation("register.name"));
        name.setAutocomplete(Autocomplete.NAME);
        name.setMaxLength(200);
        email.setLabel(getTranslation("register.email"));
        email.setAutocomplete(Autocomplete.EMAIL);
        password.setLabel(getTranslation("password.new"));
        password.setHelperText(getTranslation("password.rules"));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setLabel(getTranslation("password.repeat"));
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        language.setLabel(getTranslation("register.language"));
        language.setItems(Languages.SUPPORTED);
        language.setItemLabelGenerator(locale -> locale.getDisplayLanguage(locale));
        language.setValue(Languages.supported(getLocale().toLanguageTag()).orElse(Languages.JAPANESE));
        for (HasValidation field : new HasValidation[] {name, email, password, repeat}) {
            // The server decides; the browser’s own checks would clear its messages on blur.
            field.setManualValidation(true);
        }
        name.setWidthFull();
        email.setWidthFull();
        password.setWidthFull();
        repeat.setWidthFull();
        language.setWidthFull();
        formProblem.setVisible(false);
        formProblem.addClassName("mamori-bad");
        formProblem.getElement().setAttribute("role", "alert");
        Button submit = new Button(getTranslation("register.submit"), e -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        Paragraph intro = new Paragraph(getTranslation("register.intro"));
        intro.addClassName("mamori-muted");
        card().add(new H2(getTranslation("register.title")), intro, formProblem, name, email, password, repeat, language,
                submit, new RouterLink(getTranslation("register.to-login"), LoginView.class));
        name.focus();
    }

    private void submit() {
        for (HasValidation field : new HasValidation[] {name, email, password, repeat}) {
            field.setInvalid(false);
        }
        formProblem.setVisible(false);
        try {
            registration.register(new Registration.Request(name.getValue(), email.getValue(), password.getValue(),
                    repeat.getValue(), language.getValue()), ClientAddress.current());
        } catch (RegistrationException refused) {
            show(refused.problems());
            return;
        }
        String address = email.getValue().strip();
        card().removeAll();
        Paragraph sent = new Paragraph(getTranslation("register.sent", address));
        sent.getElement().setAttribute("role", "status");
        Paragraph hint = new Paragraph(getTranslation("register.sent.hint"));
        hint.addClassName("mamori-muted");
        card().add(new H2(getTranslation("register.sent.title")), sent, hint,
                new RouterLink(getTranslation("register.to-login"), LoginView.class),
                new RouterLink(getTranslation("verify.resend.title"), VerifyEmailView.class));
    }

    private void show(Map<Registration.Field, String> problems) {
        problems.forEach((field, key) -> {
            String message = getTranslation(key);
            switch (field) {
                case NAME -> invalid(name, message);
                case EMAIL -> invalid(email, message);
                case PASSWORD -> invalid(password, message);
                case PASSWORD_REPEAT -> invalid(repeat, message);
                case FORM -> {
                    formProblem.setText(message);
                    formProblem.setVisible(true);
                }
            }
        });
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.title") + " | " + getTranslation("app.name");
    }
}
