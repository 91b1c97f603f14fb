package jp.mamori.shared.ui;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import jp.mamori.shared.i18n.Languages;
import org.springframework.stereotype.Component;

/**
 * Vaadin's own messages (session expired, server error, lost connection) in the person's language.
 * An expired session goes straight to the login page, which says why.
 */
@Component
class SessionMessages implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        I18NProvider i18n = event.getSource().getInstantiator().getI18NProvider();
        event.getSource().setSystemMessagesProvider(info -> {
            Locale locale = info.getLocale() == null ? Languages.JAPANESE : info.getLocale();
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(false);
            // Relative to the application root (Vaadin pages carry a <base> that points there).
            messages.setSessionExpiredURL("login?expired");
            messages.setInternalErrorCaption(i18n.getTranslation("error.title", locale));
            messages.setInternalErrorMessage(i18n.getTranslation("error.internal.message", locale));
            messages.setCookiesDisabledCaption(i18n.getTranslation("error.cookies.title", locale));
            messages.setCookiesDisabledMessage(i18n.getTranslation("error.cookies.message", locale));
            return messages;
        });
    }
}
