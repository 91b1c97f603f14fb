package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import jp.mamori.exam.AttemptView;
import jp.mamori.exam.ExamAttempts;
import jp.mamori.exam.ui.CandidateHomeView;
import jp.mamori.exam.ui.ExamView;
import jp.mamori.exam.ui.QuestionNavigator;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/** A candidate sits the standard exam: navigator, an answer saved at once, resume, submission with the result by domain. */
class ExamViewIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;
    @Autowired
    ExamAttempts attempts;

    @Test
    void a_candidate_starts_from_home_answers_and_the_answer_is_saved_at_once() {
        users.loginAs("ui-exam-save@example.jp", Role.CANDIDATE);
        navigate(CandidateHomeView.class);

        test($view(Button.class).all().stream()
                .filter(b -> "受験を始める: 個人情報保護力量検定 スタンダード".equals(b.getElement().getAttribute("aria-label")))
                .findFirst().orElseThrow()).click();

        assertThat(getCurrentView()).isInstanceOf(ExamView.class);
        assertThat(navigatorHtml().split("<button ", -1)).hasSize(61);
        assertThat(navigatorHtml()).contains("aria-current=\"step\" aria-label=\"問 1: 未解答\">1</button>");
        answerCurrent();
        AttemptView attempt = attempts.start("competency-standard");
        assertThat(attempt.saved()).hasSize(1);
        assertThat($view(com.vaadin.flow.component.html.Span.class).all()).anyMatch(s -> s.getText().equals("解答を保存しました。"));
    }

    @Test
    void leaving_and_coming_back_resumes_with_the_saved_answers_and_submitting_shows_the_result_by_domain() {
        users.loginAs("ui-exam-submit@example.jp", Role.CANDIDATE);
        navigate(ExamView.class, "competency-standard");
        answerCurrent();

        navigate(CandidateHomeView.class);
        navigate(ExamView.class, "competency-standard");
        assertThat(attempts.start("competency-standard").saved()).hasSize(1);

        test($view(Button.class).withText("解答を提出").single()).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(confirm.getElement().getProperty("message")).contains("未解答の問題が 59 問あります");
        test(confirm).confirm();

        assertThat($view(Paragraph.class).all()).anyMatch(p -> p.getText().startsWith("不合格です。得点"));
        assertThat($view(Paragraph.class).all()).anyMatch(p -> p.getText().startsWith("個人情報保護法: 定義と義務: "));
    }

    @Test
    void a_question_flagged_for_review_is_still_flagged_after_a_reload() {
        users.loginAs("ui-exam-flag@example.jp", Role.CANDIDATE);
        navigate(ExamView.class, "competency-standard");

        test($view(Checkbox.class).withCaption("あとで見直す").single()).click();
        navigate(CandidateHomeView.class);
        navigate(ExamView.class, "competency-standard");

        assertThat($view(Checkbox.class).withCaption("あとで見直す").single().getValue()).isTrue();
        assertThat(navigatorHtml()).contains("aria-label=\"問 1: 未解答 (見直し)\">1</button>");
    }

    @Test
    void the_navigator_opens_the_question_clicked_and_ignores_a_click_on_no_question() {
        users.loginAs("ui-exam-navigate@example.jp", Role.CANDIDATE);
        navigate(ExamView.class, "competency-standard");
        String firstQuestion = questionLabel();

        clickNavigator("11");
        assertThat(questionLabel()).startsWith("問 12 / 60.");
        assertThat(navigatorHtml()).contains("data-i=\"11\" class=\"open current\" aria-current=\"step\"");

        // A click between the buttons, or a forged index, changes nothing.
        clickNavigator("");
        clickNavigator("60");
        clickNavigator("-1");
        clickNavigator("<script>");
        assertThat(questionLabel()).startsWith("問 12 / 60.");
        clickNavigator("0");
        assertThat(questionLabel()).isEqualTo(firstQuestion);
    }

    private String navigatorHtml() {
        return $view(QuestionNavigator.class).single().getElement().getProperty("innerHTML");
    }

    private String questionLabel() {
        var radios = $view(RadioButtonGroup.class).all();
        return radios.isEmpty() ? $view(CheckboxGroup.class).single().getLabel() : radios.getFirst().getLabel();
    }

    /** The click as the browser reports it: the index the navigator's event data expression read from the button. */
    private void clickNavigator(String index) {
        Element nav = $view(QuestionNavigator.class).single().getElement();
        String expression = nav.getNode().getFeature(ElementListenerMap.class).getExpressions("click").iterator().next();
        ObjectNode data = JacksonUtils.createObjectNode();
        data.put(expression, index);
        nav.getNode().getFeature(ElementListenerMap.class).fireEvent(new DomEvent(nav, "click", data));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void answerCurrent() {
        var radios = $view(RadioButtonGroup.class).all();
        if (!radios.isEmpty()) {
            RadioButtonGroup group = radios.getFirst();
            Object first = group.getListDataView().getItems().findFirst().orElseThrow();
            test(group).selectItem((String) group.getItemLabelGenerator().apply(first));
            return;
        }
        CheckboxGroup group = $view(CheckboxGroup.class).single();
        Object first = group.getListDataView().getItems().findFirst().orElseThrow();
        test(group).selectItem((String) group.getItemLabelGenerator().apply(first));
    }
}
