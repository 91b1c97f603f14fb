package jp.mamori.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import jp.mamori.shared.TranslatedException;

/** A refused request told to the person on the page that asked, in their language. */
public final class Refusals {

    private Refusals() {
    }

    public static void show(Component page, TranslatedException problem) {
        Notification.show(page.getTranslation(problem.messageKey(), problem.params()), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
