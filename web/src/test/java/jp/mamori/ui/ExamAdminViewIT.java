package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import jp.mamori.exam.ExamDefinition;
import jp.mamori.exam.ExamDefinitions;
import jp.mamori.exam.ExamWindow;
import jp.mamori.exam.ui.CandidateHomeView;
import jp.mamori.exam.ui.ExamAdminView;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Formats;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The training administrator publishes a new version of the expert exam and opens a window for it; a candidate then
 * books that window from their home and is told when it opens. Publishing changes the shared exams, hence a
 * context of its own.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExamAdminViewIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;
    @Autowired
    ExamDefinitions definitions;

    @Test
    void a_setting_out_of_range_is_refused_and_a_valid_one_is_published_as_the_next_version() {
        users.loginAs("ui-exam-admin@example.jp", Role.TRAINING_ADMIN);
        navigate(ExamAdminView.class);
        selectExpert();
        IntegerField limit = $view(IntegerField.class).withCaption("制限時間(分)").single();

        test(limit).setValue(0);
        test($view(Button.class).withText("バージョン 2 として公開").single()).click();
        assertThat($(Notification.class).last().getElement().getProperty("text")).isEqualTo("制限時間は 1〜600 分にしてください。");
        assertThat(definitions.versions("competency-expert")).hasSize(1);

        test(limit).setValue(100);
        test($view(Button.class).withText("バージョン 2 として公開").single()).click();

        assertThat(definitions.versions("competency-expert")).extracting(ExamDefinition::version, d -> d.timeLimit().toMinutes())
                .first().isEqualTo(org.assertj.core.groups.Tuple.tuple(2, 100L));
    }

    @Test
    void a_window_opened_by_the_admin_is_booked_by_a_candidate_who_is_told_when_it_opens() {
        users.loginAs("ui-exam-admin@example.jp", Role.TRAINING_ADMIN);
        navigate(ExamAdminView.class);
        selectExpert();
        $view(TabSheet.class).single().setSelectedIndex(1);
        LocalDateTime opens = LocalDateTime.now(Formats.DEFAULT_ZONE).plusDays(2).truncatedTo(ChronoUnit.HOURS);
        test($view(DateTimePicker.class).withCaption("開始").single()).setValue(opens);
        test($view(DateTimePicker.class).withCaption("終了").single()).setValue(opens.plusHours(3));
        test($view(Button.class).withText("受験期間を追加").single()).click();
        @SuppressWarnings("unchecked")
        Grid<ExamWindow> grid = $view(Grid.class).id("exam-windows");
        assertThat(test(grid).size()).isEqualTo(1);

        users.loginAs("ui-exam-booker@example.jp", Role.CANDIDATE);
        navigate(CandidateHomeView.class);
        @SuppressWarnings("unchecked")
        Select<ExamWindow> choice = $view(Select.class).single();
        choice.setValue(choice.getListDataView().getItems().findFirst().orElseThrow());
        test($view(Button.class).withText("予約する").single()).click();

        assertThat($view(Paragraph.class).all()).anyMatch(p -> p.getText().startsWith("予約済みの受験期間:"));
        assertThat($view(Paragraph.class).all()).anyMatch(p -> p.getText().startsWith("予約した受験期間は"));
        Button start = $view(Button.class).all().stream()
                .filter(b -> "受験を始める: 個人情報保護力量検定 エキスパート".equals(b.getElement().getAttribute("aria-label")))
                .findFirst().orElseThrow();
        assertThat(start.isEnabled()).isFalse();
        assertThat(Duration.between(LocalDateTime.now(Formats.DEFAULT_ZONE), opens)).isPositive();
    }

    @SuppressWarnings("unchecked")
    private void selectExpert() {
        Select<ExamDefinition> exam = $view(Select.class).withCaption("試験").single();
        exam.setValue(exam.getListDataView().getItems().filter(d -> d.examId().equals("competency-expert")).findFirst().orElseThrow());
    }
}
