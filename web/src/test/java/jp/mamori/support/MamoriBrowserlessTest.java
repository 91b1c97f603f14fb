package jp.mamori.support;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;

/** Views without a browser, on the real application and database; pages speak Japanese unless a test says otherwise. */
@MamoriIntegrationTest
@ViewPackages(packages = "jp.mamori")
public abstract class MamoriBrowserlessTest extends SpringBrowserlessTest {

    @BeforeEach
    void japanese() {
        speak(Locale.JAPANESE);
    }

    /** Sets the language of the session and the page, as the language switch does. */
    protected static void speak(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }
}
