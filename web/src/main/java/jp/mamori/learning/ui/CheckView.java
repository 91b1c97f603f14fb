package jp.mamori.learning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mamori.learning.Audience;
import jp.mamori.learning.CheckAttempt;
import jp.mamori.learning.CheckResult;
import jp.mamori.learning.Checks;
import jp.mamori.learning.NotAssignedException;
import jp.mamori.learning.NotReadyException;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemOption;
import jp.mamori.questionbank.ItemType;
import jp.mamori.shared.ui.HomeRedirect;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;

/**
 * The check at the end of a deck. After submitting, the learner sees the score; on a fail, which answers were
 * wrong and why, and may try again with newly drawn items.
 */
@Route("check")
@RolesAllowed({Role.Names.LEARNER, Role.Names.EXAMINER})
public class CheckView extends Page implements HasUrlParameter<String> {

    private final Checks checks;
    private final Div body = new Div();
    private final Map<Item, HasValue<?, ?>> fields = new LinkedHashMap<>();
    private String deckId;
    private CheckAttempt attempt;

    public CheckView(Checks checks) {
        this.checks = checks;
        addClassName("mamori-player");
        heading();
        body.setWidthFull();
        add(body);
    }

    @Override
    public void setParameter(BeforeEvent event, String deckId) {
        this.deckId = deckId;
        try {
            attempt = checks.start(deckId);
        } catch (NotReadyException e) {
            body.add(new Paragraph(getTranslation("check.not-ready")),
                    new Button(getTranslation("check.back-to-deck"), click -> navigateToDeck()));
            return;
        } catch (NotAssignedException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
            return;
        }
        showQuestions();
    }

    private void showQuestions() {
        body.removeAll();
        fields.clear();
        body.add(new Paragraph(getTranslation("check.intro", attempt.deck().deck().title().in(getLocale()),
                attempt.items().size(), attempt.deck().deck().passMark())));
        int number = 1;
        for (Item item : attempt.items()) {
            body.add(question(item, number++));
        }
        Button submit = new Button(getTranslation("check.submit"), e -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        body.add(submit);
    }

    private Div question(Item item, int number) {
        String label = getTranslation("check.question", number) + " " + item.stem().in(getLocale());
        if (item.type() == ItemType.MULTIPLE) {
            CheckboxGroup<String> group = new CheckboxGroup<>(label);
            group.setItems(item.choices().stream().map(ItemOption::id).toList());
            group.setItemLabelGenerator(id -> text(item, id));
            group.setHelperText(getTranslation("check.choose-all"));
            group.setWidthFull();
            fields.put(item, group);
            return wrap(group);
        }
        RadioButtonGroup<String> group = new RadioButtonGroup<>(label);
        group.setItems(item.choices().stream().map(ItemOption::id).toList());
        group.setItemLabelGenerator(id -> text(item, id));
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setWidthFull();
        fields.put(item, group);
        return wrap(group);
    }

    private static Div wrap(com.vaadin.flow.component.Component field) {
        Div question = new Div(field);
        question.addClassName("mamori-card");
        question.getStyle().set("margin-bottom", "var(--lumo-space-m)");
        return question;
    }

    /** An option as shown; lettered options keep their letter, since explanations refer to options by it. */
    private String text(Item item, String optionId) {
        String text = item.choices().stream().filter(o -> o.id().equals(optionId)).findFirst()
                .map(o -> o.text().in(getLocale())).orElse(optionId);
        return item.type() == ItemType.TRUE_FALSE ? text : optionId + ". " + text;
    }

    private void submit() {
        Map<String, Set<String>> answers = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<Item, HasValue<?, ?>> entry : fields.entrySet()) {
            Set<String> answer = answer(entry.getValue());
            answers.put(entry.getKey().id(), answer);
            if (answer.isEmpty()) {
                complete = false;
                ((com.vaadin.flow.component.HasValidation) entry.getValue()).setErrorMessage(getTranslation("check.unanswered"));
                ((com.vaadin.flow.component.HasValidation) entry.getValue()).setInvalid(true);
            }
        }
        if (!complete) {
            Notification.show(getTranslation("check.answer-all"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            body.getChildren().filter(c -> c instanceof Button).forEach(c -> ((Button) c).setEnabled(true));
            return;
        }
        showResult(checks.submit(attempt.id(), answers));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> answer(HasValue<?, ?> field) {
        Object value = field.getValue();
        if (value instanceof Set<?> set) {
            return (Set<String>) set;
        }
        return value == null ? Set.of() : Set.of((String) value);
    }

    private void showResult(CheckResult result) {
        body.removeAll();
        Paragraph score = new Paragraph(getTranslation("check.score", result.score().stripTrailingZeros().toPlainString(),
                result.passMark()));
        score.getElement().setAttribute("role", "status");
        body.add(score);
        if (result.passed()) {
            Paragraph passed = new Paragraph(getTranslation(result.deckCompleted() ? "check.passed.completed" : "check.passed.open"));
            passed.addClassName("mamori-ok");
            body.add(passed, new Button(getTranslation(result.deckCompleted() ? "check.to-training" : "check.back-to-deck"),
                    e -> {
                        if (result.deckCompleted()) {
                            getUI().ifPresent(ui -> ui.navigate(homeOf(attempt)));
                        } else {
                            navigateToDeck();
                        }
                    }));
            return;
        }
        Paragraph failed = new Paragraph(getTranslation("check.failed", result.wrong().size()));
        failed.addClassName("mamori-bad");
        body.add(failed);
        for (CheckResult.Answered wrong : result.wrong()) {
            body.add(feedback(wrong));
        }
        Button retry = new Button(getTranslation("check.retry"), e -> {
            attempt = checks.start(deckId);
            showQuestions();
        });
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        body.add(retry, new Button(getTranslation("check.back-to-deck"), e -> navigateToDeck()));
    }

    private Div feedback(CheckResult.Answered wrong) {
        Item item = wrong.item();
        Div box = new Div(new H3(item.stem().in(getLocale())),
                new Paragraph(getTranslation("check.your-answer", wrong.answer().stream().map(id -> text(item, id))
                        .collect(Collectors.joining("、")))));
        for (String chosen : wrong.answer()) {
            item.options().stream().filter(o -> o.id().equals(chosen) && !item.key().contains(chosen) && o.why() != null)
                    .forEach(o -> box.add(new Paragraph(getTranslation("check.why-wrong", o.why().in(getLocale())))));
        }
        box.add(new Paragraph(getTranslation("check.rationale", item.rationale().in(getLocale()))));
        box.addClassName("mamori-card");
        box.getStyle().set("margin-bottom", "var(--lumo-space-m)");
        return box;
    }

    /** Back to the programme the deck belongs to: the employee training or the examiner's home. */
    private static Class<? extends Component> homeOf(CheckAttempt attempt) {
        return Audience.EMPLOYEE.id().equals(attempt.deck().deck().audience()) ? LearnerHomeView.class : HomeRedirect.class;
    }

    private void navigateToDeck() {
        getUI().ifPresent(ui -> ui.navigate(DeckPlayerView.class, deckId));
    }

    /** The deck this check belongs to. */
    public String deckId() {
        return deckId;
    }

    @Override
    protected String titleKey() {
        return "check.title";
    }
}
