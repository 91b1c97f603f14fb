package jp.mamori.exam.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.mamori.exam.AttemptState;
import jp.mamori.exam.AttemptView;
import jp.mamori.exam.ExamAttempts;
import jp.mamori.exam.ExamRefusedException;
import jp.mamori.exam.ExamResult;
import jp.mamori.exam.StartRefusedException;
import jp.mamori.questionbank.ItemType;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Page;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Sitting an exam: one question at a time with a navigator of answered and flagged questions, every answer saved the
 * moment it changes, a countdown to the server's deadline with warnings at 5 and 1 minutes, and a submission that
 * lists unanswered questions first. The page never holds a key or a score before the attempt is closed.
 */
@Route("exam")
@RolesAllowed(Role.Names.CANDIDATE)
public class ExamView extends Page implements HasUrlParameter<String> {

    /** Sequence numbers rise with time across tabs and nodes, so the newest write always wins. */
    private static final AtomicLong LAST_SEQ = new AtomicLong();

    private final ExamAttempts attempts;
    private final Span countdown = new Span();
    private final Span status = new Span();
    private final QuestionNavigator navigator = new QuestionNavigator(this::showQuestion);
    private final Div stage = new Div();
    private final Set<String> flagged = new HashSet<>();
    private final Map<String, Set<String>> answers = new HashMap<>();
    /** Answers the server could not take yet (e.g. the database was busy), retried on every poll until stored. */
    private final Map<String, Unsaved> unsaved = new LinkedHashMap<>();
    private AttemptView attempt;
    private int current;
    private boolean warnedFive;
    private boolean warnedOne;

    public ExamView(ExamAttempts attempts) {
        this.attempts = attempts;
        addClassName("mamori-player");
        countdown.addClassName("mamori-figure");
        countdown.getElement().setAttribute("role", "timer");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        status.addClassName("mamori-muted");
        stage.setWidthFull();
        HorizontalLayout top = new HorizontalLayout(countdown, status);
        top.setAlignItems(Alignment.BASELINE);
        top.setWrap(true);
        add(top, navigator, stage);
    }

    @Override
    public void setParameter(BeforeEvent event, String examId) {
        try {
            attempt = attempts.start(examId);
        } catch (StartRefusedException e) {
            Paragraph why = new Paragraph(getTranslation(e.messageKey(), Formats.params(getLocale(), e.params())));
            why.getElement().setAttribute("role", "alert");
            stage.add(why, new RouterLink(getTranslation("exam.back-home"), CandidateHomeView.class));
            return;
        } catch (ExamRefusedException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
            return;
        }
        attempt.saved().forEach((item, saved) -> answers.put(item, saved.answer()));
        flagged.addAll(attempt.flagged());
        showQuestion(0);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // The server checks the clock every few seconds: warnings, and closing the attempt at the deadline.
        event.getUI().setPollInterval(5000);
        event.getUI().addPollListener(poll -> tick());
        // When the server itself is out of reach, Vaadin's connection indicator says so in words for as long as it
        // lasts (by default its text shows for two seconds and leaves only a thin bar); restored when the page is left.
        event.getUI().getPage().executeJs("const i = window.Vaadin && window.Vaadin.connectionIndicator; if (!i) return;"
                + " i.mamoriDefaults = i.mamoriDefaults || { text: i.reconnectingText, duration: i.expandedDuration };"
                + " i.reconnectingText = $0; i.expandedDuration = 2147483647;", getTranslation("exam.server-unreachable"));
        tick();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().getPage().executeJs("const i = window.Vaadin && window.Vaadin.connectionIndicator;"
                + " if (i && i.mamoriDefaults) { i.reconnectingText = i.mamoriDefaults.text; i.expandedDuration = i.mamoriDefaults.duration; }");
    }

    private void tick() {
        if (attempt == null || attempt.state() != AttemptState.IN_PROGRESS) {
            return;
        }
        for (Map.Entry<String, Unsaved> retry : List.copyOf(unsaved.entrySet())) {
            // One failure means the database is still out of reach: the rest wait for the next poll.
            if (!store(retry.getKey(), retry.getValue().answer(), retry.getValue().seq())) {
                break;
            }
        }
        if (attempt.state() != AttemptState.IN_PROGRESS) {
            return;
        }
        Duration left = Duration.between(Instant.now(), attempt.deadline());
        if (left.isNegative() || left.isZero()) {
            showResult(attempts.submit(attempt.attemptId()));
            return;
        }
        countdown.setText(getTranslation("exam.left", left.toMinutes(), left.toSecondsPart()));
        if (left.toMinutes() < 5 && !warnedFive) {
            warnedFive = true;
            warn("exam.warn.five");
        }
        if (left.toMinutes() < 1 && !warnedOne) {
            warnedOne = true;
            warn("exam.warn.one");
        }
    }

    private void warn(String key) {
        Notification.show(getTranslation(key), 8000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    private void showQuestion(int index) {
        current = index;
        AttemptView.Question question = attempt.questions().get(index);
        stage.removeAll();
        String label = getTranslation("exam.question", index + 1, attempt.questions().size()) + " " + question.stem().in(getLocale());
        HasValue<?, ?> field = field(question, label);
        Checkbox flag = new Checkbox(getTranslation("exam.flag"), flagged.contains(question.itemId()));
        flag.addValueChangeListener(e -> {
            try {
                attempts.flag(attempt.attemptId(), question.itemId(), e.getValue());
                if (e.getValue()) {
                    flagged.add(question.itemId());
                } else {
                    flagged.remove(question.itemId());
                }
            } catch (ExamRefusedException closed) {
                status.setText(getTranslation("exam.closed"));
            }
            renderNavigator();
        });
        Button previous = new Button(getTranslation("player.previous"), e -> showQuestion(index - 1));
        previous.setEnabled(index > 0);
        Button next = new Button(getTranslation("player.next"), e -> showQuestion(index + 1));
        next.setEnabled(index < attempt.questions().size() - 1);
        Button submit = new Button(getTranslation("exam.submit"), e -> confirmSubmit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div box = new Div((com.vaadin.flow.component.Component) field, flag);
        box.addClassName("mamori-card");
        stage.add(box, new HorizontalLayout(previous, next, submit));
        renderNavigator();
        // Keyboard and screen-reader users land on the question itself: its chosen option, else its first one.
        // After the next frame: on first load the layout is still being rendered when this arrives.
        ((com.vaadin.flow.component.Component) field).getElement().executeJs("requestAnimationFrame(() => setTimeout(() => {"
                + "const input = this.querySelector('[checked] input') || this.querySelector('input'); if (input) input.focus(); }))");
    }

    private HasValue<?, ?> field(AttemptView.Question question, String label) {
        List<String> ids = question.choices().stream().map(AttemptView.Choice::id).toList();
        Map<String, String> texts = question.choices().stream()
                .collect(Collectors.toMap(AttemptView.Choice::id, c -> c.text().in(getLocale())));
        Set<String> saved = answers.getOrDefault(question.itemId(), Set.of());
        if (question.type() == ItemType.MULTIPLE) {
            CheckboxGroup<String> group = new CheckboxGroup<>(label);
            group.setItems(ids);
            group.setItemLabelGenerator(texts::get);
            group.setValue(saved);
            group.setHelperText(getTranslation("check.choose-all"));
            // Registered after the saved answer is set, so every change it hears is the candidate's.
            group.addValueChangeListener(e -> save(question, e.getValue()));
            group.setWidthFull();
            return group;
        }
        RadioButtonGroup<String> group = new RadioButtonGroup<>(label);
        group.setItems(ids);
        group.setItemLabelGenerator(texts::get);
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        saved.stream().findFirst().ifPresent(group::setValue);
        group.addValueChangeListener(e -> save(question, e.getValue() == null ? Set.of() : Set.of(e.getValue())));
        group.setWidthFull();
        return group;
    }

    private void save(AttemptView.Question question, Set<String> answer) {
        answers.put(question.itemId(), answer);
        store(question.itemId(), answer, nextSeq());
        renderNavigator();
    }

    /** Saves one answer; false when the database could not take it (it stays in {@link #unsaved} for the next poll). */
    private boolean store(String itemId, Set<String> answer, long seq) {
        try {
            attempts.save(attempt.attemptId(), itemId, answer, seq);
            unsaved.remove(itemId);
            showSaveState();
            return true;
        } catch (ExamRefusedException e) {
            unsaved.clear();
            showSaveState();
            status.setText(getTranslation("exam.closed"));
            tick();
            return false;
        } catch (DataAccessException | TransactionException e) {
            // Kept with its sequence number: a retry can never overwrite a newer answer from another tab.
            unsaved.put(itemId, new Unsaved(answer, seq));
            showSaveState();
            return false;
        }
    }

    /** "Saved", or, while answers wait for the database, a clear "reconnecting" notice that stays until they are stored. */
    private void showSaveState() {
        boolean waiting = !unsaved.isEmpty();
        status.setText(waiting ? getTranslation("exam.unsaved", unsaved.size()) : getTranslation("exam.saved"));
        status.setClassName("mamori-muted", !waiting);
        status.setClassName("mamori-reconnecting", waiting);
    }

    private record Unsaved(Set<String> answer, long seq) {
    }

    private void renderNavigator() {
        List<AttemptView.Question> questions = attempt.questions();
        navigator.show(questions.size(), current,
                i -> !answers.getOrDefault(questions.get(i).itemId(), Set.of()).isEmpty(),
                i -> flagged.contains(questions.get(i).itemId()));
    }

    private void confirmSubmit() {
        List<Integer> unanswered = IntStream.range(0, attempt.questions().size())
                .filter(i -> answers.getOrDefault(attempt.questions().get(i).itemId(), Set.of()).isEmpty())
                .map(i -> i + 1).boxed().toList();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("exam.submit"));
        confirm.setText(unanswered.isEmpty() ? getTranslation("exam.submit.all")
                : getTranslation("exam.submit.unanswered", unanswered.size(), unanswered.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("exam.submit"));
        confirm.addConfirmListener(e -> showResult(attempts.submit(attempt.attemptId())));
        confirm.open();
    }

    void showResult(ExamResult result) {
        attempt = attempts.view(attempt.attemptId());
        navigator.clear();
        stage.removeAll();
        countdown.setText("");
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        if (result.state() == AttemptState.ABANDONED) {
            stage.add(new Paragraph(getTranslation("exam.abandoned")));
            return;
        }
        Paragraph score = new Paragraph(getTranslation(result.passed() ? "exam.passed" : "exam.failed",
                result.score().stripTrailingZeros().toPlainString(), result.passMark()));
        score.addClassName(result.passed() ? "mamori-ok" : "mamori-bad");
        score.getElement().setAttribute("role", "status");
        stage.add(score);
        if (result.passed()) {
            // By address, not by class: the certificate module listens to the exam, so the exam must not know it.
            stage.add(new com.vaadin.flow.component.html.Anchor("certificates", getTranslation("exam.certificate-link")));
        }
        stage.add(new H3(getTranslation("exam.by-domain")));
        result.domains().forEach((domain, s) -> {
            int percent = s.total() == 0 ? 0 : s.correct() * 100 / s.total();
            Div bar = new Div();
            bar.addClassName("mamori-bar");
            bar.getStyle().set("width", percent + "%");
            Div track = new Div(bar);
            track.addClassName("mamori-bar-track");
            track.getElement().setAttribute("aria-hidden", "true");
            stage.add(new Paragraph(getTranslation("exam.domain." + domain) + ": " + s.correct() + " / " + s.total()), track);
        });
        attempts.review(attempt.attemptId()).ifPresent(review -> stage.add(new ReviewList(review)));
    }

    private static long nextSeq() {
        return LAST_SEQ.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
    }

    @Override
    protected String titleKey() {
        return "exam.title";
    }
}
