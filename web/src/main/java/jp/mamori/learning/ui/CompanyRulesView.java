package jp.mamori.learning.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.mamori.catalog.CompanyRules;
import jp.mamori.catalog.CompanyRulesException;
import jp.mamori.content.Deck;
import jp.mamori.content.Slide;
import jp.mamori.content.TemplateField;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Page;

/**
 * The training administrator fills the rules deck's template with the company's own names, contacts and rules,
 * previews the deck as learners will see it, and publishes a new version, optionally asking everyone to
 * acknowledge the rules again.
 */
@Route("admin/rules")
@Menu(title = "rules.title", order = 15, icon = "FILE_TEXT_O")
@RolesAllowed(Role.Names.TRAINING_ADMIN)
public class CompanyRulesView extends Page {

    private final CompanyRules rules;
    private final Map<String, AbstractField<?, String>> fields = new LinkedHashMap<>();
    private final Paragraph status = new Paragraph();

    public CompanyRulesView(CompanyRules rules) {
        this.rules = rules;
        heading();
        add(new Paragraph(getTranslation("rules.explain")), status);
        Deck template = rules.template();
        Map<String, String> draft = rules.draft();
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("48rem", 2));
        for (TemplateField field : template.templateFields()) {
            AbstractField<?, String> input = input(field);
            input.setValue(draft.getOrDefault(field.id(), ""));
            fields.put(field.id(), input);
            form.add((com.vaadin.flow.component.Component) input);
            if (field.multiline()) {
                form.setColspan((com.vaadin.flow.component.Component) input, 2);
            }
        }
        Checkbox reacknowledge = new Checkbox(getTranslation("rules.require-reack"));
        Button save = new Button(getTranslation("rules.save-draft"), e -> run(() -> {
            rules.saveDraft(values());
            notify("rules.saved", NotificationVariant.LUMO_SUCCESS);
        }));
        Button preview = new Button(getTranslation("rules.preview"), e -> preview(template));
        Button publish = new Button(getTranslation("rules.publish"), e -> confirmPublish(reacknowledge.getValue()));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, reacknowledge, new HorizontalLayout(save, preview, publish));
        showStatus();
    }

    private AbstractField<?, String> input(TemplateField field) {
        String label = field.label().in(getLocale());
        if (field.multiline()) {
            TextArea area = new TextArea(label);
            area.setWidthFull();
            area.setMinRows(3);
            area.setMaxLength(4000);
            area.setRequired(true);
            return area;
        }
        TextField text = new TextField(label);
        text.setWidthFull();
        text.setMaxLength(4000);
        text.setRequired(true);
        return text;
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((id, field) -> {
            values.put(id, field.getValue());
            ((HasValidation) field).setInvalid(false);
        });
        return values;
    }

    private void preview(Deck template) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("rules.preview"));
        dialog.setWidth("min(60rem, 95vw)");
        Map<String, String> values = values();
        for (Slide slide : template.slides()) {
            dialog.add(new SlideView(slide, values, SlideImages.from(path -> null)));
        }
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    private void confirmPublish(boolean reacknowledge) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("rules.publish"));
        confirm.setText(getTranslation(reacknowledge ? "rules.publish.confirm-reack" : "rules.publish.confirm"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("rules.publish"));
        confirm.addConfirmListener(e -> run(() -> {
            int version = rules.publish(values(), reacknowledge);
            Notification.show(getTranslation("rules.published", version), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            showStatus();
        }));
        confirm.open();
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (CompanyRulesException problem) {
            AbstractField<?, String> field = fields.get(problem.field());
            if (field != null) {
                ((HasValidation) field).setErrorMessage(getTranslation(problem.messageKey()));
                ((HasValidation) field).setInvalid(true);
            }
            notify(problem.messageKey(), NotificationVariant.LUMO_ERROR);
        }
    }

    private void showStatus() {
        status.setText(rules.published()
                .map(p -> getTranslation("rules.current", p.version(), Formats.dateTime(p.publishedAt(), getLocale()), p.publishedBy()))
                .orElse(getTranslation("rules.none")));
    }

    private void notify(String key, NotificationVariant variant) {
        Notification.show(getTranslation(key), 5000, Notification.Position.TOP_CENTER).addThemeVariants(variant);
    }

    @Override
    protected String titleKey() {
        return "rules.title";
    }
}
