package jp.mamori.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/** What every error view shows: a heading, a plain explanation in the person's language, a way home. */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {

    private String titleKey = "error.title";

    ErrorPage() {
        addClassName("mamori-page");
    }

    void show(String titleKey, String messageKey, Object... parameters) {
        this.titleKey = titleKey;
        removeAll();
        Paragraph message = new Paragraph(getTranslation(messageKey, parameters));
        message.getElement().setAttribute("role", "alert");
        add(new H2(getTranslation(titleKey)), message, new Anchor("", getTranslation("error.home")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " | " + getTranslation("app.name");
    }
}
