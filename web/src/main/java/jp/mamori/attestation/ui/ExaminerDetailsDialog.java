package jp.mamori.attestation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import jp.mamori.attestation.Clearance;
import jp.mamori.attestation.DeclarationException;
import jp.mamori.attestation.DeclarationPdf;
import jp.mamori.attestation.ExaminerClearance;
import jp.mamori.attestation.Signature;
import jp.mamori.attestation.Signatures;
import jp.mamori.attestation.SpotCheck;
import jp.mamori.attestation.SpotChecks;
import jp.mamori.questionbank.LocalizedText;
import jp.mamori.shared.ui.Formats;

/**
 * One examiner's year: modules done and missing, every signature (each revision, with its PDF), the spot checks, and
 * for the training administrator the form to record a check on a disposal declaration.
 */
class ExaminerDetailsDialog extends Dialog {

    private final Clearance standing;
    private final Map<String, LocalizedText> titles;

    ExaminerDetailsDialog(Clearance standing, ExaminerClearance clearance, Signatures signatures, SpotChecks spotChecks,
                          DeclarationPdf pdf, boolean admin, Runnable changed) {
        this.standing = standing;
        this.titles = clearance.titles();
        setHeaderTitle(getTranslation("roster.details.title", standing.name(), standing.fiscalYear()));
        setWidth("min(56rem, 100vw)");
        Paragraph verdict = new Paragraph(getTranslation(standing.cleared() ? "roster.cleared" : "roster.not-cleared"));
        verdict.addClassName(standing.cleared() ? "mamori-ok" : "mamori-bad");
        add(new Paragraph(standing.email()), verdict);

        add(new H3(getTranslation("roster.modules")));
        UnorderedList modules = new UnorderedList();
        standing.modulesDone().forEach(id -> modules.add(new ListItem(title(id) + " — " + getTranslation("roster.done"))));
        standing.modulesMissing().forEach(id -> modules.add(new ListItem(title(id) + " — " + getTranslation("roster.missing"))));
        add(modules);

        add(new H3(getTranslation("roster.declarations")));
        List<Signature> signed = signatures.of(standing.userId(), standing.fiscalYear());
        Grid<Signature> grid = new Grid<>();
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("roster.declarations"));
        grid.addColumn(s -> title(s.declarationId())).setHeader(getTranslation("roster.declaration")).setFlexGrow(1);
        grid.addColumn(s -> s.revision() == 0 ? "-" : String.valueOf(s.revision())).setHeader(getTranslation("roster.revision")).setAutoWidth(true);
        grid.addColumn(s -> Formats.dateTime(s.signedAt(), getLocale())).setHeader(getTranslation("roster.signed-at")).setAutoWidth(true);
        grid.addComponentColumn(s -> SignaturePdfLink.of(pdf, s, getTranslation("declaration.pdf"), getLocale()))
                .setHeader(getTranslation("declaration.pdf")).setAutoWidth(true);
        grid.setItems(signed);
        grid.setEmptyStateText(getTranslation("roster.no-signatures"));
        standing.declarationsMissing().forEach(id -> add(new Paragraph(getTranslation("roster.unsigned", title(id)))));
        add(grid);

        add(new H3(getTranslation("roster.checks")));
        List<SpotCheck> checks = spotChecks.of(standing.userId(), standing.fiscalYear());
        if (checks.isEmpty()) {
            add(new Paragraph(getTranslation("roster.no-checks")));
        }
        UnorderedList checkList = new UnorderedList();
        checks.forEach(c -> checkList.add(new ListItem(getTranslation("roster.check", Formats.dateTime(c.checkedAt(), getLocale()),
                title(c.declarationId()), getTranslation(c.outcome().labelKey()), c.note(), c.checkedBy()))));
        add(checkList);
        if (admin) {
            List<Signature> checkable = signed.stream()
                    .filter(s -> signed.stream().noneMatch(o -> o.declarationId().equals(s.declarationId()) && o.revision() > s.revision()))
                    .filter(s -> signatures.find(s.id()).map(found -> SpotChecks.checkable(found.text())).orElse(false))
                    .toList();
            if (!checkable.isEmpty()) {
                add(checkForm(checkable, spotChecks, changed));
            }
        }
        Button close = new Button(getTranslation("common.close"), e -> close());
        getFooter().add(close);
    }

    private com.vaadin.flow.component.html.Div checkForm(List<Signature> checkable, SpotChecks spotChecks, Runnable changed) {
        Select<Signature> signature = new Select<>();
        signature.setLabel(getTranslation("roster.check.signature"));
        signature.setItems(checkable);
        signature.setItemLabelGenerator(s -> title(s.declarationId()) + " (" + Formats.dateTime(s.signedAt(), getLocale()) + ")");
        signature.setValue(checkable.getFirst());
        RadioButtonGroup<SpotCheck.Outcome> outcome = new RadioButtonGroup<>(getTranslation("roster.check.outcome"));
        outcome.setItems(SpotCheck.Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation(o.labelKey()));
        outcome.setValue(SpotCheck.Outcome.CONFIRMED);
        TextArea note = new TextArea(getTranslation("roster.check.note"));
        note.setMaxLength(2000);
        note.setWidthFull();
        Button record = new Button(getTranslation("roster.check.record"), e -> {
            try {
                spotChecks.record(signature.getValue().id(), outcome.getValue(), note.getValue());
                Notification.show(getTranslation("roster.check.recorded"), 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                changed.run();
            } catch (DeclarationException problem) {
                note.setErrorMessage(getTranslation(problem.messageKey(), problem.params()));
                note.setInvalid(true);
            }
        });
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        com.vaadin.flow.component.html.Div form = new com.vaadin.flow.component.html.Div(
                new H3(getTranslation("roster.check.title")), signature, outcome, note, record);
        form.addClassName("mamori-card");
        return form;
    }

    private String title(String id) {
        LocalizedText title = titles.get(id);
        return title == null ? id : title.in(getLocale());
    }
}
