package jp.mamori.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A page reached without logging in (set password, register, confirm e-mail): the brand above one narrow card. */
public abstract class PublicPage extends Div {

    private final VerticalLayout card = new VerticalLayout();

    protected PublicPage() {
        addClassName("mamori-login");
        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("mamori-brand");
        card.setMaxWidth("24rem");
        card.addClassName("mamori-card");
        add(brand, card);
    }

    /** Where the page's content goes. */
    protected VerticalLayout card() {
        return card;
    }
}
