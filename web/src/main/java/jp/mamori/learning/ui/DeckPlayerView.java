package jp.mamori.learning.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import jp.mamori.catalog.CompanyRules;
import jp.mamori.content.Deck;
import jp.mamori.content.Templates;
import jp.mamori.learning.DeckSession;
import jp.mamori.learning.NotAssignedException;
import jp.mamori.learning.RulesAcknowledgements;
import jp.mamori.learning.Training;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;

/**
 * Shows a deck one slide at a time, with a progress bar and previous/next by button or arrow key. Every slide
 * shown is saved at once, so leaving and coming back, from any browser, resumes at the same slide.
 */
@Route("training")
@RolesAllowed({Role.Names.LEARNER, Role.Names.EXAMINER})
public class DeckPlayerView extends Page implements HasUrlParameter<String> {

    private final Training training;
    private final CompanyRules rules;
    private final RulesAcknowledgements acknowledgements;
    private final Div finish = new Div();
    private Integer rulesVersion;
    private final Span counter = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Div stage = new Div();
    private final Button previous = new Button(VaadinIcon.ARROW_LEFT.create());
    private final Button next = new Button(VaadinIcon.ARROW_RIGHT.create());
    private DeckSession session;
    private Map<String, String> templateValues = Map.of();
    private String titleText = "";

    public DeckPlayerView(Training training, CompanyRules rules, RulesAcknowledgements acknowledgements) {
        this.training = training;
        this.rules = rules;
        this.acknowledgements = acknowledgements;
        addClassName("mamori-player");
        previous.setText(getTranslation("player.previous"));
        next.setText(getTranslation("player.next"));
        next.setIconAfterText(true);
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        previous.addClickListener(e -> go(-1));
        next.addClickListener(e -> go(1));
        Shortcuts.addShortcutListener(this, () -> go(1), Key.ARROW_RIGHT);
        Shortcuts.addShortcutListener(this, () -> go(-1), Key.ARROW_LEFT);
        progress.setWidthFull();
        stage.setWidthFull();
        stage.getElement().setAttribute("role", "region");
        stage.getElement().setAttribute("aria-live", "polite");
        HorizontalLayout navigation = new HorizontalLayout(previous, counter, next);
        navigation.setAlignItems(FlexComponent.Alignment.CENTER);
        navigation.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        navigation.setWidthFull();
        finish.setWidthFull();
        add(progress, stage, navigation, finish);
    }

    @Override
    public void setParameter(BeforeEvent event, String deckId) {
        try {
            session = training.open(deckId);
        } catch (NotAssignedException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
            return;
        }
        Deck deck = session.deck().deck();
        titleText = deck.title().in(getLocale());
        templateValues = Templates.samples(deck);
        if (deck.isTemplate()) {
            rules.published().ifPresent(published -> {
                templateValues = published.values();
                rulesVersion = published.version();
            });
        }
        show(training.show(deckId, session.currentSlide()));
    }

    private void go(int step) {
        int target = session.currentSlide() + step;
        if (target >= 0 && target < session.deck().deck().slides().size()) {
            show(training.show(session.deck().id(), target));
        }
    }

    private void show(DeckSession now) {
        session = now;
        int total = now.deck().deck().slides().size();
        int index = now.currentSlide();
        stage.removeAll();
        stage.add(new SlideView(now.deck().deck().slides().get(index), templateValues, SlideImages.from(now.deck()::file)));
        counter.setText(getTranslation("player.counter", index + 1, total));
        progress.setValue((index + 1) / (double) total);
        progress.getElement().setAttribute("aria-label", getTranslation("player.progress", index + 1, total));
        previous.setEnabled(index > 0);
        next.setEnabled(index < total - 1);
        showFinish(index == total - 1);
    }

    /** On the last slide: the rules acknowledgement where the deck asks for one, then the way to the check. */
    private void showFinish(boolean last) {
        finish.removeAll();
        if (!last) {
            return;
        }
        finish.addClassName("mamori-card");
        if (session.deck().deck().isTemplate()) {
            finish.add(rulesPanel());
        }
        if (session.allSeen()) {
            Button check = new Button(getTranslation("player.to-check"), VaadinIcon.CHECK_SQUARE_O.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(CheckView.class, session.deck().id())));
            check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            finish.add(new Paragraph(getTranslation("player.check-next")), check);
        } else {
            finish.add(new Paragraph(getTranslation("player.see-all-first")));
        }
    }

    private Div rulesPanel() {
        Div panel = new Div();
        if (rulesVersion == null) {
            panel.add(new Paragraph(getTranslation("rules.not-published")));
            return panel;
        }
        if (!acknowledgements.required()) {
            Paragraph done = new Paragraph(getTranslation("rules.acknowledged", rulesVersion));
            done.addClassName("mamori-ok");
            panel.add(done);
            return panel;
        }
        Checkbox read = new Checkbox(getTranslation("rules.confirm", rulesVersion));
        Button acknowledge = new Button(getTranslation("rules.acknowledge"), e -> {
            acknowledgements.acknowledge(rulesVersion);
            showFinish(true);
        });
        acknowledge.setEnabled(false);
        read.addValueChangeListener(e -> acknowledge.setEnabled(e.getValue()));
        panel.add(read, acknowledge);
        return panel;
    }

    /** The slide shown now, 0-based: tests and the check step read it. */
    public int currentSlide() {
        return session.currentSlide();
    }

    @Override
    protected String titleKey() {
        return "player.title";
    }

    @Override
    public String getPageTitle() {
        return titleText.isEmpty() ? super.getPageTitle() : titleText + " | " + getTranslation("app.name");
    }
}
