package jp.mamori.shared.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * The frame of every view inside the main layout: a translated page title (browser tab and heading)
 * and the common padding.
 */
public abstract class Page extends VerticalLayout implements HasDynamicTitle {

    protected Page() {
        addClassName("mamori-page");
        setPadding(false);
    }

    /** Translation key of the view's title. */
    protected abstract String titleKey();

    /** Adds the heading (an {@code h2}: the layout holds the {@code h1}). */
    protected H2 heading() {
        H2 heading = new H2(getTranslation(titleKey()));
        add(heading);
        return heading;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey()) + " | " + getTranslation("app.name");
    }
}
