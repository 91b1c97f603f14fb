package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Locale;
import jp.mamori.attestation.ui.ExaminerHomeView;
import jp.mamori.evidence.ui.EvidenceLedgerView;
import jp.mamori.exam.ui.CandidateHomeView;
import jp.mamori.identity.TestUsers;
import jp.mamori.identity.ui.UsersView;
import jp.mamori.learning.ui.LearnerHomeView;
import jp.mamori.reporting.ui.OfficeOverviewView;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import jp.mamori.system.ui.SystemView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After login each role lands on its own home view, in Japanese, and the menu lists only what the role may open.
 * (Browserless: the address "" must resolve to the role's home view.)
 */
class RoleHomeViewsIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;


    @Test
    void a_learner_lands_on_my_training() {
        assertLandsOn(Role.LEARNER, LearnerHomeView.class, "マイ教育", List.of("マイ教育", "わたしの割り当て"));
    }

    @Test
    void an_examiner_lands_on_the_examiner_home() {
        assertLandsOn(Role.EXAMINER, ExaminerHomeView.class, "審査員ホーム", List.of("審査員ホーム", "わたしの割り当て"));
    }

    @Test
    void a_candidate_lands_on_the_candidate_home() {
        assertLandsOn(Role.CANDIDATE, CandidateHomeView.class, "受験者ホーム", List.of("受験者ホーム", "合格証", "わたしの割り当て"));
    }

    @Test
    void a_training_admin_lands_on_people() {
        assertLandsOn(Role.TRAINING_ADMIN, UsersView.class, "利用者管理", List.of("PMS事務局の概要", "教育の実施状況", "教育実施報告書", "個人別の教育履歴", "年間教育計画", "利用者管理", "審査員の従事可否", "教材の管理", "試験の管理", "項目分析", "問題の入出力", "当社の規程", "合格証の管理", "送信メール"));
    }

    @Test
    void a_privacy_officer_lands_on_the_office_overview() {
        assertLandsOn(Role.PRIVACY_OFFICER, OfficeOverviewView.class, "PMS事務局の概要",
                List.of("PMS事務局の概要", "教育の実施状況", "教育実施報告書", "個人別の教育履歴", "年間教育計画", "審査員の従事可否", "合格証の管理", "証跡台帳", "監査ログ"));
    }

    @Test
    void an_auditor_lands_on_the_evidence_ledger() {
        assertLandsOn(Role.AUDITOR, EvidenceLedgerView.class, "証跡台帳", List.of("教育の実施状況", "教育実施報告書", "個人別の教育履歴", "年間教育計画", "審査員の従事可否", "合格証の管理", "証跡台帳", "監査ログ"));
    }

    @Test
    void a_system_admin_lands_on_system_status() {
        assertLandsOn(Role.SYSTEM_ADMIN, SystemView.class, "システムの状態", List.of("利用者管理", "監査ログ", "送信メール", "システムの状態"));
    }

    @Test
    void a_person_with_several_roles_lands_on_the_first_and_sees_the_menu_of_all() {
        users.loginAs("both@example.jp", Role.LEARNER, Role.TRAINING_ADMIN);
        UI.getCurrent().setLocale(Locale.JAPANESE);

        navigate("", UsersView.class);

        assertThat(menu()).containsExactly("PMS事務局の概要", "教育の実施状況", "教育実施報告書", "個人別の教育履歴", "年間教育計画", "利用者管理", "審査員の従事可否", "教材の管理", "試験の管理", "項目分析", "問題の入出力", "当社の規程", "合格証の管理", "マイ教育", "わたしの割り当て", "送信メール");
    }

    private <T extends Component> void assertLandsOn(Role role, Class<T> home, String heading, List<String> menu) {
        users.loginAs(role.name().toLowerCase() + "-home@example.jp", role);
        UI.getCurrent().setLocale(Locale.JAPANESE);

        navigate("", home);

        assertThat($view(H2.class).first().getText()).isEqualTo(heading);
        assertThat(menu()).containsExactlyElementsOf(menu);
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
