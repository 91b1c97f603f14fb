package jp.mamori.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One key figure as a card: a label above a large number, for overview pages. */
public class FigureCard extends Div {

    public FigureCard(String label, String value) {
        Span number = new Span(value);
        number.addClassName("mamori-figure");
        Span caption = new Span(label);
        caption.addClassName("mamori-muted");
        add(caption, new Div(number));
        addClassName("mamori-card");
    }
}
