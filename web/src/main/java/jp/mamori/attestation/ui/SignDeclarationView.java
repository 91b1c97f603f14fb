package jp.mamori.attestation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import jp.mamori.attestation.DeclarationException;
import jp.mamori.attestation.Declarations;
import jp.mamori.attestation.Signature;
import jp.mamori.attestation.Signatures;
import jp.mamori.content.Declaration;
import jp.mamori.identity.PasswordConfirmation;
import jp.mamori.identity.SsoLogin;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Page;

/**
 * Signing one declaration: the text, one checkbox per statement (none ticked in advance), the requested facts, and
 * the password typed again (after a single sign-on: a fresh login at the provider). A refusal says what to fix and
 * records nothing.
 */
@Route("declarations")
@RolesAllowed(Role.Names.EXAMINER)
public class SignDeclarationView extends Page implements HasUrlParameter<String> {

    private final Declarations declarations;
    private final Signatures signatures;
    private final Clock clock;
    private final Map<String, Checkbox> statements = new LinkedHashMap<>();
    private final Map<String, Supplier<List<String>>> facts = new LinkedHashMap<>();
    private final PasswordField password = new PasswordField();
    private final PasswordConfirmation confirmation;
    private Declaration declaration;
    /** The signature this page corrects ({@code ?corrects=<id>}), if it is a correction. */
    private Signature corrects;

    public SignDeclarationView(Declarations declarations, Signatures signatures, Clock clock, PasswordConfirmation confirmation) {
        this.declarations = declarations;
        this.signatures = signatures;
        this.clock = clock;
        this.confirmation = confirmation;
    }

    @Override
    public void setParameter(BeforeEvent event, String declarationId) {
        declaration = declarations.thisYear().stream().map(Declarations.Due::declaration)
                .filter(d -> d.id().equals(declarationId)).findFirst().orElse(null);
        if (declaration == null) {
            event.rerouteToError(NotFoundException.class, declarationId);
            return;
        }
        Optional<String> correcting = event.getLocation().getQueryParameters().getSingleParameter("corrects");
        if (correcting.isPresent()) {
            corrects = correcting.filter(id -> id.matches("\\d{1,18}")).map(Long::parseLong)
                    .flatMap(id -> signatures.mine(declarations.thisYear().getFirst().fiscalYear()).stream()
                            .filter(s -> s.id() == id && s.declarationId().equals(declarationId)).findFirst())
                    .orElse(null);
            if (corrects == null) {
                event.rerouteToError(NotFoundException.class, correcting.get());
                return;
            }
        }
        add(new H2(declaration.title().in(getLocale())));
        if (corrects != null) {
            Paragraph note = new Paragraph(getTranslation("declaration.correcting", Formats.dateTime(corrects.signedAt(), getLocale())));
            note.addClassName("mamori-card");
            add(note);
        }
        add(new Paragraph(declaration.intro().in(getLocale())));
        for (Declaration.Statement statement : declaration.statements()) {
            Checkbox confirm = new Checkbox(statement.text().in(getLocale()));
            statements.put(statement.id(), confirm);
            add(confirm);
        }
        for (Declaration.Fact fact : declaration.facts()) {
            add(field(fact));
        }
        Button sign = new Button(getTranslation("declaration.sign"), e -> sign());
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(confirmation.throughProvider() ? providerConfirmation(sign) : passwordConfirmation(), sign);
    }

    private Component passwordConfirmation() {
        password.setLabel(getTranslation("declaration.password"));
        password.setHelperText(getTranslation("declaration.password.help"));
        password.setRequiredIndicatorVisible(true);
        password.setWidthFull();
        return password;
    }

    /**
     * After a single sign-on there is no password here: the person logs in at the provider again, comes back to this
     * page, and may sign for the next few minutes.
     */
    private Component providerConfirmation(Button sign) {
        Paragraph state = new Paragraph();
        state.getElement().setAttribute("role", "status");
        Button again = new Button(getTranslation("declaration.reauthenticate"), e -> e.getSource().getUI().ifPresent(ui ->
                ui.getPage().setLocation(SsoLogin.reauthenticationPath("/" + ui.getInternals().getActiveViewLocation().getPathWithQueryParameters()))));
        confirmation.providerConfirmationValidUntil().ifPresentOrElse(until -> {
            state.setText(getTranslation("declaration.reauthenticated", Formats.dateTime(until, getLocale())));
            again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }, () -> {
            state.setText(getTranslation("declaration.reauthenticate.help", confirmation.providerConfirmationValidity().toMinutes()));
            sign.setEnabled(false);
        });
        return new Div(state, again);
    }

    private Component field(Declaration.Fact fact) {
        String label = fact.label().in(getLocale());
        switch (fact.type()) {
            case DATE -> {
                DatePicker date = new DatePicker(label);
                date.setWidthFull();
                date.setRequiredIndicatorVisible(fact.required());
                if (fact.notInFuture()) {
                    // The same day the service checks against: the injected clock, in Japan time.
                    date.setMax(LocalDate.ofInstant(clock.instant(), Formats.DEFAULT_ZONE));
                }
                facts.put(fact.id(), () -> date.getValue() == null ? List.of() : List.of(date.getValue().toString()));
                return date;
            }
            case CHOICE -> {
                Map<String, String> labels = new LinkedHashMap<>();
                fact.choices().forEach(c -> labels.put(c.id(), c.label().in(getLocale())));
                if (fact.multiple()) {
                    CheckboxGroup<String> group = new CheckboxGroup<>(label);
                    group.setItems(labels.keySet());
                    group.setItemLabelGenerator(labels::get);
                    group.setRequiredIndicatorVisible(fact.required());
                    facts.put(fact.id(), () -> List.copyOf(group.getValue()));
                    return group;
                }
                RadioButtonGroup<String> group = new RadioButtonGroup<>(label);
                group.setItems(labels.keySet());
                group.setItemLabelGenerator(labels::get);
                group.setRequiredIndicatorVisible(fact.required());
                facts.put(fact.id(), () -> group.getValue() == null ? List.of() : List.of(group.getValue()));
                return group;
            }
            default -> {
                TextArea text = new TextArea(label);
                text.setMaxLength(1000);
                text.setWidthFull();
                text.setRequiredIndicatorVisible(fact.required());
                facts.put(fact.id(), () -> List.of(text.getValue()));
                return text;
            }
        }
    }

    private void sign() {
        Set<String> confirmed = new LinkedHashSet<>();
        statements.forEach((id, box) -> {
            if (box.getValue()) {
                confirmed.add(id);
            }
        });
        Map<String, List<String>> given = new LinkedHashMap<>();
        facts.forEach((id, value) -> given.put(id, value.get()));
        try {
            Declarations.Signing signing = new Declarations.Signing(declaration.id(), declaration.version(), confirmed, given,
                    password.getValue());
            if (corrects == null) {
                declarations.sign(signing);
            } else {
                declarations.correct(corrects.id(), signing);
            }
            getUI().ifPresent(ui -> ui.navigate(ExaminerHomeView.class));
            Notification.show(getTranslation("declaration.signed.now"), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (DeclarationException problem) {
            password.clear();
            Notification.show(getTranslation(problem.messageKey(), label(problem.params())), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The statement or fact a refusal names, as the examiner reads it on this page. */
    private Object[] label(Object[] params) {
        if (params.length == 0) {
            return params;
        }
        String id = String.valueOf(params[0]);
        String shown = declaration.statements().stream().filter(s -> s.id().equals(id)).map(s -> s.text().in(getLocale())).findFirst()
                .or(() -> declaration.fact(id).map(f -> f.label().in(getLocale()))).orElse(id);
        return new Object[] {shown};
    }

    @Override
    protected String titleKey() {
        return "declaration.title";
    }

    @Override
    public String getPageTitle() {
        return declaration == null ? super.getPageTitle() : declaration.title().in(getLocale()) + " | " + getTranslation("app.name");
    }
}
