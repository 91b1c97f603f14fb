package jp.mamori.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jp.mamori.identity.Registration;
import jp.mamori.identity.RegistrationException;
import jp.mamori.shared.ui.ClientAddress;
import jp.mamori.shared.ui.PublicPage;

/**
 * Where the mailed link leads ({@code verify-email/<token>}): confirms the address and says so. Without a token, or
 * when the link is spent, it offers to mail a new link.
 */
@Route(value = "verify-email", autoLayout = false)
@AnonymousAllowed
public class VerifyEmailView extends PublicPage implements HasUrlParameter<String>, HasDynamicTitle {

    private final Registration registration;

    public VerifyEmailView(Registration registration) {
        this.registration = registration;
        card().setPadding(false);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String token) {
        card().removeAll();
        if (token == null || token.isBlank()) {
            resendForm();
            return;
        }
        Registration.Verification result = registration.verify(token);
        if (result == Registration.Verification.VERIFIED) {
            Paragraph done = new Paragraph(getTranslation("verify.done"));
            done.getElement().setAttribute("role", "status");
            card().add(new H2(getTranslation("verify.title")), done,
                    new RouterLink(getTranslation("verify.to-login"), LoginView.class));
            return;
        }
        String problemKey = switch (result) {
            case ALREADY_USED -> "verify.error.used";
            case EXPIRED -> "verify.error.expired";
            default -> "verify.error.unknown";
        };
        Paragraph problem = new Paragraph(getTranslation(problemKey));
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("mamori-bad");
        card().add(new H2(getTranslation("verify.title")), problem);
        if (result == Registration.Verification.ALREADY_USED) {
            card().add(new RouterLink(getTranslation("verify.to-login"), LoginView.class));
        }
        resendForm();
    }

    private void resendForm() {
        EmailField email = new EmailField(getTranslation("register.email"));
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setManualValidation(true);
        email.setWidthFull();
        Paragraph answer = new Paragraph();
        answer.getElement().setAttribute("role", "status");
        answer.setVisible(false);
        Button send = new Button(getTranslation("verify.resend"), e -> {
            email.setInvalid(false);
            try {
                registration.resend(email.getValue(), ClientAddress.current());
                answer.setText(getTranslation("verify.resent", email.getValue().strip()));
                answer.setVisible(true);
            } catch (RegistrationException refused) {
                refused.problems().forEach((field, key) -> {
                    email.setErrorMessage(getTranslation(key));
                    email.setInvalid(true);
                });
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        Paragraph explain = new Paragraph(getTranslation("verify.resend.explain"));
        explain.addClassName("mamori-muted");
        card().add(new H2(getTranslation("verify.resend.title")), explain, email, send, answer,
                new RouterLink(getTranslation("register.to-login"), LoginView.class));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.title") + " | " + getTranslation("app.name");
    }
}
