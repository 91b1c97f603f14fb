package jp.mamori.learning.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import jp.mamori.content.Deck;
import jp.mamori.content.Templates;
import jp.mamori.learning.DeckSession;
import jp.mamori.learning.NotAssignedException;
import jp.mamori.learning.Training;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;

/**
 * Shows a deck one slide at a time, with a progress bar and previous/next by button or arrow key. Every slide
 * shown is saved at once, so leaving and coming back, from any browser, resumes at the same slide.
 */
@Route("training")
@RolesAllowed(Role.Names.LEARNER)
public class DeckPlayerView extends Page implements HasUrlParameter<String> {

    private final Training training;
    private final Span counter = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Div stage = new Div();
    private final Button previous = new Button(VaadinIcon.ARROW_LEFT.create());
    private final Button next = new Button(VaadinIcon.ARROW_RIGHT.create());
    private DeckSession session;
    private Map<String, String> templateValues = Map.of();
    private String titleText = "";

    public DeckPlayerView(Training training) {
        this.training = training;
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
        add(progress, stage, navigation);
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
        stage.add(new SlideView(now.deck().deck().slides().get(index), templateValues));
        counter.setText(getTranslation("player.counter", index + 1, total));
        progress.setValue((index + 1) / (double) total);
        progress.getElement().setAttribute("aria-label", getTranslation("player.progress", index + 1, total));
        previous.setEnabled(index > 0);
        next.setEnabled(index < total - 1);
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
