package jp.mamori.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Locale;
import jp.mamori.shared.i18n.LanguagePreferences;
import jp.mamori.shared.i18n.Languages;
import jp.mamori.shared.security.CurrentPrincipal;

/**
 * Switches between Japanese and English. The choice is kept in a cookie for this browser and, once
 * logged in, with the person's account so it follows them everywhere.
 */
public class LanguageSelect extends Select<Locale> {

    public LanguageSelect(LanguagePreferences preferences) {
        setItems(Languages.SUPPORTED);
        // Each language is named in itself, so a person can find theirs whatever is shown now.
        setItemLabelGenerator(locale -> locale.getDisplayLanguage(locale));
        setAriaLabel(getTranslation("layout.language"));
        setValue(Languages.supported(UI.getCurrent().getLocale().toLanguageTag()).orElse(Languages.JAPANESE));
        setWidth("8em");
        addValueChangeListener(event -> {
            if (!event.isFromClient() || event.getValue() == null) {
                return;
            }
            Locale locale = event.getValue();
            CurrentPrincipal.get().ifPresent(principal -> preferences.remember(principal.id(), locale));
            rememberInBrowser(locale);
            VaadinSession.getCurrent().setLocale(locale);
            UI.getCurrent().setLocale(locale);
            UI.getCurrent().getPage().reload();
        });
    }

    private static void rememberInBrowser(Locale locale) {
        if (VaadinService.getCurrentResponse() == null) {
            return;
        }
        Cookie cookie = new Cookie(Languages.COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        VaadinService.getCurrentResponse().addCookie(cookie);
    }
}
