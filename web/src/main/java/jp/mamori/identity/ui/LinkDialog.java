package jp.mamori.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a one-time password link once, for the administrator to pass on to the person. */
class LinkDialog extends Dialog {

    LinkDialog(String link) {
        setHeaderTitle(getTranslation("users.link.title"));
        TextField field = new TextField(getTranslation("users.link.label"));
        field.setValue(link);
        field.setReadOnly(true);
        field.setWidth("min(40rem, 80vw)");
        add(new Paragraph(getTranslation("users.link.explain")), field);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
    }
}
