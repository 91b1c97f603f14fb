package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import jp.mamori.identity.TestUsers;
import jp.mamori.learning.CheckAttempt;
import jp.mamori.learning.Checks;
import jp.mamori.learning.DeckSession;
import jp.mamori.learning.Training;
import jp.mamori.learning.ui.CheckView;
import jp.mamori.learning.ui.DeckPlayerView;
import jp.mamori.learning.ui.LearnerHomeView;
import jp.mamori.questionbank.Item;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A learner finishes a deck end to end: last slide, check, wrong answers explained, retry, pass, done. */
class CheckViewIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;
    @Autowired
    Training training;
    @Autowired
    Checks checks;



    @Test
    void the_last_slide_leads_to_the_check_only_after_every_slide_was_seen() {
        users.loginAs("ui-check-last@example.jp", Role.LEARNER);
        DeckSession session = training.open("pms-and-you");
        int last = session.deck().deck().slides().size() - 1;
        training.show("pms-and-you", last);

        navigate(DeckPlayerView.class, "pms-and-you");
        assertThat($view(Button.class).withText("確認テストへ").all()).isEmpty();
        assertThat($view(Paragraph.class).all()).anyMatch(p -> p.getText().contains("まだ見ていないスライド"));

        seeAll("pms-and-you");
        navigate(DeckPlayerView.class, "pms-and-you");
        test($view(Button.class).withText("確認テストへ").single()).click();
        assertThat(getCurrentView()).isInstanceOf(CheckView.class);
    }

    @Test
    void wrong_answers_are_explained_and_a_retry_with_right_answers_completes_the_deck() {
        users.loginAs("ui-check-flow@example.jp", Role.LEARNER);
        seeAll("when-incidents-happen");
        navigate(CheckView.class, "when-incidents-happen");

        answer(false);
        test($view(Button.class).withText("回答を送信").single()).click();
        assertThat(paragraphs()).anyMatch(text -> text.startsWith("不合格です"));
        assertThat(paragraphs()).anyMatch(text -> text.startsWith("解説:"));
        assertThat(paragraphs()).anyMatch(text -> text.startsWith("この回答が誤りである理由:"));

        test($view(Button.class).withText("もう一度受ける").single()).click();
        answer(true);
        test($view(Button.class).withText("回答を送信").single()).click();

        assertThat(paragraphs()).anyMatch(text -> text.startsWith("合格です。この教材の受講が完了し"));
        assertThat(paragraphs()).anyMatch(text -> text.startsWith("得点: 100%"));

        navigate(LearnerHomeView.class);
        var records = test($view(Grid.class).single());
        assertThat(records.size()).isEqualTo(3);
        assertThat(records.getCellText(0, 2)).isEqualTo("受講完了");
        assertThat(records.getCellText(0, 3)).isEqualTo("事故が起きたら(第1版)");
        assertThat(records.getCellText(2, 4)).isEqualTo("不合格");
    }

    @Test
    void submitting_with_an_unanswered_question_marks_it_and_records_nothing() {
        users.loginAs("ui-check-blank@example.jp", Role.LEARNER);
        seeAll("incident-trends");
        navigate(CheckView.class, "incident-trends");

        test($view(Button.class).withText("回答を送信").single()).click();

        assertThat($view(RadioButtonGroup.class).all()).anyMatch(RadioButtonGroup::isInvalid);
        assertThat(paragraphs()).noneMatch(text -> text.startsWith("得点"));
    }

    /** Answers every question shown with the key (or a wrong option), read from the try the view is showing. */
    @SuppressWarnings("unchecked")
    private void answer(boolean right) {
        CheckAttempt attempt = checks.start(((CheckView) getCurrentView()).deckId());
        var radios = $view(RadioButtonGroup.class).all();
        var boxes = $view(CheckboxGroup.class).all();
        int radio = 0;
        int box = 0;
        for (Item item : attempt.items()) {
            String wrong = item.choices().stream().map(o -> o.id()).filter(id -> !item.key().contains(id)).findFirst().orElseThrow();
            if (item.type() == jp.mamori.questionbank.ItemType.MULTIPLE) {
                boxes.get(box++).setValue(right ? item.key() : java.util.Set.of(wrong));
            } else {
                radios.get(radio++).setValue(right ? item.key().iterator().next() : wrong);
            }
        }
    }

    private java.util.List<String> paragraphs() {
        return $view(Paragraph.class).all().stream().map(Paragraph::getText).toList();
    }

    private void seeAll(String deckId) {
        DeckSession session = training.open(deckId);
        for (int i = 0; i < session.deck().deck().slides().size(); i++) {
            training.show(deckId, i);
        }
    }
}
