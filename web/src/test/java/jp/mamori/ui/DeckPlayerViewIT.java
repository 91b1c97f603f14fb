package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.progressbar.ProgressBar;
import jp.mamori.identity.TestUsers;
import jp.mamori.learning.ui.DeckPlayerView;
import jp.mamori.learning.ui.LearnerHomeView;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The deck player as a learner uses it: buttons and arrow keys, the progress bar, charts, resuming. */
class DeckPlayerViewIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;



    @Test
    void my_training_lists_the_programme_and_opens_a_deck() {
        users.loginAs("player-home@example.jp", Role.LEARNER);
        navigate(LearnerHomeView.class);

        test($view(Button.class).withText("受講を始める").first()).click();

        assertThat(getCurrentView()).isInstanceOf(DeckPlayerView.class);
    }

    @Test
    void next_previous_and_arrow_keys_move_through_the_slides_and_the_bar_follows() {
        users.loginAs("player-keys@example.jp", Role.LEARNER);
        DeckPlayerView player = navigate(DeckPlayerView.class, "incident-trends");
        String first = $view(H2.class).all().getLast().getText();

        test($view(Button.class).withText("次へ").single()).click();
        assertThat(player.currentSlide()).isEqualTo(1);
        fireShortcut(Key.ARROW_RIGHT);
        assertThat(player.currentSlide()).isEqualTo(2);
        assertThat($view(ProgressBar.class).single().getValue()).isGreaterThan(0.1);
        fireShortcut(Key.ARROW_LEFT);
        test($view(Button.class).withText("前へ").single()).click();

        assertThat(player.currentSlide()).isZero();
        assertThat($view(H2.class).all().getLast().getText()).isEqualTo(first);
        assertThat($view(Button.class).withText("前へ").single().isEnabled()).isFalse();
    }

    @Test
    void coming_back_later_resumes_at_the_same_slide() {
        users.loginAs("player-resume@example.jp", Role.LEARNER);
        navigate(DeckPlayerView.class, "pms-and-you");
        fireShortcut(Key.ARROW_RIGHT);
        fireShortcut(Key.ARROW_RIGHT);

        navigate(LearnerHomeView.class);
        DeckPlayerView again = navigate(DeckPlayerView.class, "pms-and-you");

        assertThat(again.currentSlide()).isEqualTo(2);
    }

    @Test
    void chart_slides_draw_an_svg_with_a_title_and_give_the_data_as_a_table() {
        users.loginAs("player-chart@example.jp", Role.LEARNER);
        DeckPlayerView player = navigate(DeckPlayerView.class, "incident-trends");

        boolean found = false;
        for (int i = 0; i < 18 && !found; i++) {
            found = $view(Html.class).all().stream().anyMatch(html -> html.getInnerHtml().contains("<svg"));
            if (!found) {
                fireShortcut(Key.ARROW_RIGHT);
            }
        }

        assertThat(found).as("a chart within the deck").isTrue();
        String svg = $view(Html.class).all().stream().map(Html::getInnerHtml).filter(h -> h.contains("<svg")).findFirst().orElseThrow();
        assertThat(svg).contains("role=\"img\"", "<title");
        assertThat($view(Html.class).all()).anyMatch(html -> html.getInnerHtml().contains("<caption>"));
        assertThat(player.currentSlide()).isPositive();
    }

    @Test
    void a_deck_that_is_not_assigned_is_refused_with_the_not_found_page() {
        users.loginAs("player-stranger@example.jp", Role.LEARNER);

        UI.getCurrent().navigate(DeckPlayerView.class, "examiner-secrets");

        assertThat(getCurrentView()).isInstanceOf(jp.mamori.shared.ui.NotFoundView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("ページが見つかりません");
    }

    @Test
    void raw_html_in_a_slide_is_never_passed_through() {
        users.loginAs("player-safe@example.jp", Role.LEARNER);
        navigate(DeckPlayerView.class, "why-pi-matters");

        for (int i = 0; i < 18; i++) {
            assertThat($view(Html.class).all()).noneMatch(html -> html.getInnerHtml().contains("<script"));
            fireShortcut(Key.ARROW_RIGHT);
        }
    }
}
