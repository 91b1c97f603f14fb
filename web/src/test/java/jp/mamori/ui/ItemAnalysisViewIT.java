package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.SortDirection;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import jp.mamori.exam.ClosedAttempts;
import jp.mamori.exam.ItemStatistics;
import jp.mamori.exam.ui.ItemAnalysisView;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The training administrator runs the item analysis, sorts and filters it, opens an item and downloads the CSV. */
class ItemAnalysisViewIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;
    @Autowired
    ClosedAttempts closedAttempts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_analysis_lists_every_item_sortable_with_an_undefined_discrimination_shown_as_a_dash() {
        closedAttempts.handComputed("analysis-view-list");
        users.loginAs("analysis-view-list@example.jp", Role.TRAINING_ADMIN);
        navigate(ItemAnalysisView.class);

        analyse("analysis-view-list");

        var grid = test(grid());
        assertThat(grid.size()).isEqualTo(5);
        assertThat($view(Paragraph.class).all()).anyMatch(p -> p.getText().startsWith("終了した受験 6 件、問題 5 問、うちフラグ付き 5 問"));
        assertThat(List.of("item", "version", "domain", "difficulty", "n", "p", "r", "flags")).allMatch(grid::isColumnSortable);
        grid.sortByColumn("p", SortDirection.DESCENDING);
        assertThat(grid.getRow(0).itemId()).isEqualTo("appi-duties-004");
        assertThat(grid.getCellText(0, grid.getColumnPosition("p"))).isEqualTo("1.00");
        assertThat(grid.getCellText(0, grid.getColumnPosition("r"))).isEqualTo("—");
        assertThat(grid.getCellText(0, grid.getColumnPosition("flags"))).isEqualTo("回答数不足 / 易しすぎ");
        grid.sortByColumn("r", SortDirection.ASCENDING);
        assertThat(grid.getRow(1).itemId()).as("the most negative r after the undefined one").isEqualTo("pms-004");
        assertThat(grid.getCellText(1, grid.getColumnPosition("r"))).isEqualTo("-0.35");
    }

    @Test
    void selecting_an_item_shows_its_stem_and_the_choices_per_option_with_the_key_marked() {
        closedAttempts.handComputed("analysis-view-detail");
        users.loginAs("analysis-view-detail@example.jp", Role.TRAINING_ADMIN);
        navigate(ItemAnalysisView.class);
        analyse("analysis-view-detail");
        var grid = test(grid());

        grid.select(row("pms-001"));

        assertThat($view(Paragraph.class).all()).anyMatch(p -> p.getText().startsWith("個人情報保護マネジメントシステム(PMS)をPDCAサイクルで"));
        List<String> rows = $view(Div.class).all().stream().filter(d -> d.hasClassName("mamori-option-count"))
                .map(ItemAnalysisViewIT::text).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("A. 個人情報保護方針を文書にまとめる").endsWith("2 人(33%)");
        assertThat(rows.get(2)).startsWith("正答C. 内部監査を行い").endsWith("1 人(17%)");
        assertThat(rows.get(3)).endsWith("0 人(0%)");
        assertThat($view(Span.class).withText("正答").all()).hasSize(1);
        assertThat($view(Div.class).all().stream().filter(d -> d.hasClassName("mamori-bar-track")))
                .hasSize(4).allMatch(d -> "true".equals(d.getElement().getAttribute("aria-hidden")));
        assertThat($view(Paragraph.class).withText("未解答: 2 人").all()).hasSize(1);
        assertThat($view(ListItem.class).all()).extracting(ListItem::getText)
                .containsExactly("回答数不足: 回答数が 30 未満のため、数値は参考値です。",
                        "難しすぎ: 正答率が 0.20 未満です。問題文・選択肢・正答を確認してください。");
    }

    @Test
    void flagged_only_hides_the_items_without_a_flag() {
        closedAttempts.random("analysis-view-flags", 200, 10);
        users.loginAs("analysis-view-flags@example.jp", Role.TRAINING_ADMIN);
        navigate(ItemAnalysisView.class);
        analyse("analysis-view-flags");
        var grid = test(grid());
        assertThat(grid.size()).isEqualTo(10);

        test($view(Checkbox.class).single()).click();

        assertThat(grid.size()).isBetween(1, 9);
        assertThat(IntStream.range(0, grid.size()).mapToObj(grid::getRow)).allMatch(ItemStatistics::flagged);
    }

    @Test
    void a_period_without_closed_attempts_says_so_and_offers_no_download() {
        closedAttempts.handComputed("analysis-view-empty");
        users.loginAs("analysis-view-empty@example.jp", Role.TRAINING_ADMIN);
        navigate(ItemAnalysisView.class);
        List<DatePicker> dates = $view(DatePicker.class).all();
        test(dates.get(0)).setValue(LocalDate.of(2026, 12, 1));
        test(dates.get(1)).setValue(LocalDate.of(2026, 12, 31));

        analyse("analysis-view-empty");

        assertThat(test(grid()).size()).isZero();
        assertThat(grid().getEmptyStateText()).isEqualTo("この期間に終了した受験はありません。");
        assertThat($view(Anchor.class).single().isEnabled()).isFalse();
    }

    @Test
    void a_start_date_after_the_end_date_is_marked_and_nothing_is_analysed() {
        users.loginAs("analysis-view-dates@example.jp", Role.TRAINING_ADMIN);
        navigate(ItemAnalysisView.class);
        List<DatePicker> dates = $view(DatePicker.class).all();
        test(dates.get(0)).setValue(LocalDate.of(2026, 11, 10));
        test(dates.get(1)).setValue(LocalDate.of(2026, 11, 1));

        test($view(Button.class).withText("分析する").single()).click();

        assertThat(dates.get(1).isInvalid()).isTrue();
        assertThat(dates.get(1).getErrorMessage()).isEqualTo("終了日(から)は終了日(まで)より前の日付にしてください。");
        assertThat(grid().getEmptyStateText()).isEqualTo("試験と期間を選んで「分析する」を押してください。");
    }

    @Test
    void the_csv_download_starts_with_a_byte_order_mark_and_is_recorded_as_a_key_view() {
        closedAttempts.handComputed("analysis-view-csv");
        users.loginAs("analysis-view-csv@example.jp", Role.TRAINING_ADMIN);
        navigate(ItemAnalysisView.class);
        analyse("analysis-view-csv");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();

        test($view(Anchor.class).withText("CSV をダウンロード").single()).download(csv);

        assertThat(Arrays.copyOf(csv.toByteArray(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(csv.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("pms-001,2,pms,1,single,6,0.167,0.542");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ANSWER_KEY_VIEWED' AND actor = ?")
                .param("analysis-view-csv@example.jp").query(Integer.class).single()).as("the analysis and the export").isEqualTo(2);
    }

    private void analyse(String examId) {
        test($view(ComboBox.class).single()).selectItem("分析用 " + examId);
        test($view(Button.class).withText("分析する").single()).click();
    }

    @SuppressWarnings("unchecked")
    private Grid<ItemStatistics> grid() {
        return $view(Grid.class).single();
    }

    private int row(String itemId) {
        var grid = test(grid());
        return IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).itemId().equals(itemId)).findFirst().orElseThrow();
    }

    private static String text(Div div) {
        return div.getElement().getTextRecursively();
    }
}
