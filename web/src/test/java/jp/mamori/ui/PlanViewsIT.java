package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.mamori.assignment.EducationPlan;
import jp.mamori.assignment.EducationPlans;
import jp.mamori.assignment.ItemKind;
import jp.mamori.assignment.PlanLine;
import jp.mamori.assignment.ui.MyAssignmentsView;
import jp.mamori.assignment.ui.PlansView;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The plan page for each of its roles, and a learner's assignments. */
class PlanViewsIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;
    @Autowired
    EducationPlans plans;
    @Autowired
    FiscalYears fiscalYears;
    @Autowired
    MutableClock clock;

    @Test
    void the_admin_submits_the_officer_approves_on_the_page_and_the_learner_sees_the_assignment_while_the_auditor_only_reads() {
        users.create("ui-plan-learner@example.jp", Role.LEARNER);
        users.loginAs("ui-plan-admin@example.jp", Role.TRAINING_ADMIN);
        int year = plans.currentYear() + 1;
        EducationPlan draft = plans.draft(year);
        LocalDate start = fiscalYears.firstDay(year);
        plans.save(draft.id(), "全社教育", List.of(new PlanLine(null, ItemKind.DECK, "why-pi-matters", Set.of(Role.LEARNER), Set.of(),
                Set.of(), start, fiscalYears.lastDay(year), start.plusMonths(2), true)));
        navigate(PlansView.class);
        test(selectYear()).selectItem(String.valueOf(year) + "年度");
        test($view(Button.class).withText("承認を依頼する").single()).click();

        users.loginAs("ui-plan-auditor@example.jp", Role.AUDITOR);
        navigate(jp.mamori.evidence.ui.AuditLogView.class);
        navigate(PlansView.class);
        test(selectYear()).selectItem(String.valueOf(year) + "年度");
        assertThat($view(Button.class).all()).extracting(Button::getText)
                .doesNotContain("承認する", "差し戻す", "作成・変更する", "承認を依頼する");

        users.loginAs("ui-plan-officer@example.jp", Role.PRIVACY_OFFICER);
        navigate(jp.mamori.evidence.ui.AuditLogView.class);
        navigate(PlansView.class);
        test(selectYear()).selectItem(String.valueOf(year) + "年度");
        test($view(Button.class).withText("承認する").single()).click();
        assertThat(plans.of(year).getFirst().status()).isEqualTo(EducationPlan.Status.APPROVED);

        clock.advance(java.time.Duration.ofDays(366));
        users.loginAs("ui-plan-learner@example.jp", Role.LEARNER);
        navigate(MyAssignmentsView.class);
        assertThat($view(Grid.class).first().getGenericDataView().getItems().count()).isPositive();
        clock.reset();
    }

    @SuppressWarnings("unchecked")
    private com.vaadin.flow.component.select.Select<Integer> selectYear() {
        return $view(com.vaadin.flow.component.select.Select.class).first();
    }
}
