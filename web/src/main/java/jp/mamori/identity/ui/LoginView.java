package jp.mamori.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.identity.EmailNotVerifiedException;
import jp.mamori.identity.LocalLoginClosedException;
import jp.mamori.identity.Registration;
import jp.mamori.identity.RegistrationException;
import jp.mamori.identity.SsoLogin;
import jp.mamori.shared.i18n.LanguagePreferences;
import jp.mamori.shared.ui.ClientAddress;
import jp.mamori.shared.ui.LanguageSelect;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * The login page: single sign-on when configured, e-mail and password (folded away as the break-glass login when
 * local login is turned off), the language switch, and a clear reason when login fails.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    private static final Set<String> SSO_REASONS = Set.of("deactivated", "email-not-verified", "no-email", "unavailable");

    private final Registration registration;
    private final SsoLogin sso;
    private final Button ssoButton = new Button();
    private final Details breakGlass = new Details();
    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();
    private final H1 brand = new H1();
    private final Paragraph tagline = new Paragraph();
    private final RouterLink register = new RouterLink();
    private final Button resend = new Button();
    /** Why the last login failed: decides the error text, in whichever language is shown. */
    private boolean locked;
    private boolean unverified;
    private boolean localClosed;
    /** The address of the account whose login waits for its e-mail confirmation. */
    private String unverifiedEmail;
    private String noticeKey;

    public LoginView(LanguagePreferences languages, Registration registration, SsoLogin sso) {
        this.registration = registration;
        this.sso = sso;
        addClassName("mamori-login");
        brand.addClassName("mamori-brand");
        tagline.addClassName("mamori-muted");
        notice.setVisible(false);
        notice.setMaxWidth("24rem");
        notice.getElement().setAttribute("role", "status");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        register.setRoute(RegisterView.class);
        resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        resend.setVisible(false);
        resend.addClickListener(e -> sendNewLink());
        add(brand, tagline, notice);
        if (sso.offered()) {
            ssoButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            ssoButton.setWidth("min(24rem, 100%)");
            // A full page load: the provider's login page is not part of this application.
            ssoButton.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation(SsoLogin.START_PATH.substring(1))));
            add(ssoButton);
        }
        if (sso.localLoginOpen()) {
            add(form, resend, register);
        } else {
            breakGlass.add(form, resend);
            add(breakGlass);
        }
        add(new LanguageSelect(languages));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        brand.setText(getTranslation("app.name"));
        tagline.setText(getTranslation("login.tagline"));
        form.setI18n(i18n());
        register.setText(getTranslation("login.register"));
        ssoButton.setText(sso.providerName().map(name -> getTranslation("login.sso.with", name))
                .orElseGet(() -> getTranslation("login.sso")));
        breakGlass.setSummaryText(getTranslation("login.break-glass"));
        resend.setText(getTranslation("login.unverified.resend"));
        if (noticeKey != null) {
            notice.setText(getTranslation(noticeKey));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        if (query.containsKey("error")) {
            Exception failure = lastFailure();
            locked = failure instanceof LockedException;
            unverified = failure instanceof EmailNotVerifiedException;
            localClosed = failure instanceof LocalLoginClosedException;
            breakGlass.setOpened(true);
            // Only someone who knew the password gets here, so offering to mail the link reveals nothing new.
            unverifiedEmail = failure instanceof EmailNotVerifiedException notVerified ? notVerified.email() : null;
            resend.setVisible(unverifiedEmail != null);
            form.setI18n(i18n());
            form.setError(true);
        } else if (query.containsKey("sso")) {
            String reason = query.get("sso").getFirst();
            showNotice("login.sso.error." + (SSO_REASONS.contains(reason) ? reason : "failed"));
        } else if (query.containsKey("too-many")) {
            showNotice("login.too-many");
        } else if (query.containsKey("expired")) {
            showNotice("login.expired");
        } else if (query.containsKey("password-set")) {
            showNotice("login.password-set");
        }
        if (sso.offered() && sso.problem().isPresent()) {
            ssoButton.setEnabled(false);
            if (noticeKey == null) {
                showNotice("login.sso.error.unavailable");
            }
        }
    }

    private void sendNewLink() {
        try {
            registration.resend(unverifiedEmail, ClientAddress.current());
            showNotice("login.unverified.resent");
        } catch (RegistrationException refused) {
            showNotice("register.error.too-many");
        }
        resend.setVisible(false);
    }

    private void showNotice(String key) {
        noticeKey = key;
        notice.setText(getTranslation(key));
        notice.setVisible(true);
    }

    /** The reason Spring Security stored for the last failed login in this session. */
    private Exception lastFailure() {
        var session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return null;
        }
        Object failure = session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof Exception e ? e : null;
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.title"));
        texts.setUsername(getTranslation("login.email"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (locked) {
            error.setTitle(getTranslation("login.locked.title"));
            error.setMessage(getTranslation("login.locked.message"));
        } else if (unverified) {
            error.setTitle(getTranslation("login.unverified.title"));
            error.setMessage(getTranslation("login.unverified.message"));
        } else if (localClosed) {
            error.setTitle(getTranslation("login.local-closed.title"));
            error.setMessage(getTranslation("login.local-closed.message"));
        } else {
            error.setTitle(getTranslation("login.failed.title"));
            error.setMessage(getTranslation("login.failed.message"));
        }
        error.setUsername(getTranslation("login.email.required"));
        error.setPassword(getTranslation("login.password.required"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " | " + getTranslation("app.name");
    }
}
