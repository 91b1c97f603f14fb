package jp.mamori.shared.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import jp.mamori.shared.i18n.LanguagePreferences;
import jp.mamori.shared.i18n.Languages;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.stereotype.Component;

/**
 * Chooses the language of each new page: the person's saved choice, else this browser's cookie,
 * else the browser's language if Mamori speaks it, else Japanese.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    private final LanguagePreferences preferences;

    LocaleInitializer(LanguagePreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            Locale locale = resolve(VaadinRequest.getCurrent());
            init.getUI().setLocale(locale);
            init.getUI().getSession().setLocale(locale);
        });
    }

    Locale resolve(VaadinRequest request) {
        return CurrentPrincipal.get().flatMap(p -> preferences.of(p.id()))
                .or(() -> fromCookie(request))
                .or(() -> request == null ? Optional.empty() : Languages.supported(request.getLocale().toLanguageTag()))
                .orElse(Languages.JAPANESE);
    }

    private static Optional<Locale> fromCookie(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> Languages.COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .flatMap(Languages::supported);
    }
}
