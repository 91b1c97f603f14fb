package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.mamori.identity.TestUsers;
import jp.mamori.identity.ui.PeopleImportView;
import jp.mamori.identity.ui.UsersView;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The training administrator uploads CSV files, reads the dry run, confirms, and manages leavers by hand. */
class PeopleImportViewIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;

    @BeforeEach
    void admin() {
        users.loginAs("import-view@example.jp", Role.TRAINING_ADMIN);
    }

    @Test
    void upload_dry_run_and_confirm_create_the_departments_and_people() {
        navigate(UsersView.class);
        test($view(Button.class).withText("CSVで取り込む").single()).click();
        assertThat(getCurrentView()).isInstanceOf(PeopleImportView.class);
        List<Upload> uploads = $view(Upload.class).all();

        test(uploads.get(0)).upload("busho.csv", "text/csv",
                "部署コード,部署名\r\nVIEW-A,画面部\r\n".getBytes(Charset.forName("windows-31j")));
        test(uploads.get(1)).upload("shain.csv", "text/csv",
                "email,name,department_code\r\nview1@example.jp,画面 一郎,VIEW-A\r\nview2@example.jp,画面 二郎,VIEW-A\r\n"
                        .getBytes(StandardCharsets.UTF_8));
        test($view(Button.class).withText("試行する").single()).click();

        assertThat(paragraphs()).contains("部署ファイルの文字コード: Shift_JIS (Windows-31J)",
                "部署: 作成 1、名称変更 0、移動 0、責任者設定 0 / 利用者: 作成 2、変更 0、無効化 0、再有効化 0");
        assertThat(test($view(Grid.class).single()).size()).isEqualTo(3);
        test($view(Button.class).withText("確定して反映する").single()).click();

        assertThat(paragraphs()).anyMatch(p -> p.startsWith("反映しました。部署: 作成 1"));
        assertThat(users.find("view2@example.jp").getDepartment().getCode()).isEqualTo("VIEW-A");
    }

    @Test
    void errors_are_listed_by_line_and_column_and_nothing_can_be_confirmed() {
        navigate(PeopleImportView.class);

        test($view(Upload.class).all().get(1)).upload("bad.csv", "text/csv",
                "email,name,department_code\r\nbad-view,名前,NOWHERE\r\n".getBytes(StandardCharsets.UTF_8));
        test($view(Button.class).withText("試行する").single()).click();

        assertThat(paragraphs()).anyMatch(p -> p.startsWith("2 件の誤りがあります。"));
        var errors = test($view(Grid.class).single());
        assertThat(errors.size()).isEqualTo(2);
        assertThat(List.of(errors.getCellText(0, 1), errors.getCellText(0, 2), errors.getCellText(0, 3)))
                .containsExactly("2", "email", "メールアドレスの形式が正しくありません: bad-view");
        assertThat(List.of(errors.getCellText(1, 1), errors.getCellText(1, 2), errors.getCellText(1, 3)))
                .containsExactly("2", "department_code", "部署コード NOWHERE は登録済みの部署にも部署ファイルにもありません。");
        assertThat($view(Button.class).withText("確定して反映する").all()).isEmpty();
    }

    @Test
    void a_leaver_is_deactivated_and_reactivated_on_the_people_page() {
        users.create("view-leaver@example.jp", Role.LEARNER);
        navigate(UsersView.class);
        test($view(TextField.class).single()).setValue("view-leaver@example.jp");

        test(action("Test view-leaver@example.jp さんを無効にする(退職)")).click();

        assertThat(users.find("view-leaver@example.jp").isEnabled()).isFalse();
        assertThat(test($view(Grid.class).single()).getCellText(0, 4)).isEqualTo("無効(退職)");
        test(action("Test view-leaver@example.jp さんを再び有効にする")).click();
        assertThat(users.find("view-leaver@example.jp").isEnabled()).isTrue();
    }

    /** The action button of the first row of the people grid with this screen-reader label. */
    private Button action(String ariaLabel) {
        Component actions = test($view(Grid.class).single()).getCellComponent(0, 5);
        return actions.getChildren().filter(c -> c instanceof Button)
                .map(Button.class::cast)
                .filter(b -> ariaLabel.equals(b.getElement().getAttribute("aria-label")))
                .findFirst().orElseThrow(() -> new AssertionError("no button " + ariaLabel));
    }

    private List<String> paragraphs() {
        return $view(Paragraph.class).all().stream().map(Paragraph::getText).toList();
    }
}
