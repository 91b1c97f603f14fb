package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mamori.assignment.ui.MyAssignmentsView;
import jp.mamori.assignment.ui.PlansView;
import jp.mamori.attestation.ui.ExaminerHomeView;
import jp.mamori.reporting.ui.DashboardView;
import jp.mamori.reporting.ui.PersonHistoryView;
import jp.mamori.reporting.ui.ReportsView;
import jp.mamori.attestation.ui.ExaminerRosterView;
import jp.mamori.attestation.ui.SignDeclarationView;
import jp.mamori.certification.ui.CertificatesAdminView;
import jp.mamori.certification.ui.MyCertificatesView;
import jp.mamori.evidence.ui.AuditLogView;
import jp.mamori.evidence.ui.EvidenceLedgerView;
import jp.mamori.exam.ui.CandidateHomeView;
import jp.mamori.exam.ui.ExamAdminView;
import jp.mamori.exam.ui.ExamView;
import jp.mamori.identity.ui.PeopleImportView;
import jp.mamori.exam.ui.ItemAnalysisView;
import jp.mamori.exam.ui.QuestionExportView;
import jp.mamori.identity.ui.UsersView;
import jp.mamori.learning.ui.CheckView;
import jp.mamori.learning.ui.CompanyRulesView;
import jp.mamori.learning.ui.DeckAdminView;
import jp.mamori.learning.ui.DeckPlayerView;
import jp.mamori.learning.ui.LearnerHomeView;
import jp.mamori.mail.ui.OutboxView;
import jp.mamori.reporting.ui.OfficeOverviewView;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.HomeRedirect;
import jp.mamori.system.ui.SystemView;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The access matrix: which role may open which view. Every view must be listed here, and every role
 * not listed for a view is refused by the view's own annotations.
 */
class AccessMatrixTest {

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

    /** View → roles that may open it. Public views (login, set password, certificate verification) are checked separately. */
    private static final Map<Class<?>, Set<Role>> MATRIX = Map.ofEntries(
            Map.entry(HomeRedirect.class, EVERY_ROLE),
            Map.entry(LearnerHomeView.class, EnumSet.of(Role.LEARNER)),
            Map.entry(ExaminerHomeView.class, EnumSet.of(Role.EXAMINER)),
            Map.entry(CandidateHomeView.class, EnumSet.of(Role.CANDIDATE)),
            Map.entry(UsersView.class, EnumSet.of(Role.TRAINING_ADMIN, Role.SYSTEM_ADMIN)),
            Map.entry(PeopleImportView.class, EnumSet.of(Role.TRAINING_ADMIN)),
            Map.entry(OfficeOverviewView.class, EnumSet.of(Role.PRIVACY_OFFICER, Role.TRAINING_ADMIN)),
            Map.entry(EvidenceLedgerView.class, EnumSet.of(Role.AUDITOR, Role.PRIVACY_OFFICER)),
            Map.entry(AuditLogView.class, EnumSet.of(Role.AUDITOR, Role.PRIVACY_OFFICER, Role.SYSTEM_ADMIN)),
            Map.entry(SystemView.class, EnumSet.of(Role.SYSTEM_ADMIN)),
            Map.entry(DeckPlayerView.class, EnumSet.of(Role.LEARNER, Role.EXAMINER)),
            Map.entry(CheckView.class, EnumSet.of(Role.LEARNER, Role.EXAMINER)),
            Map.entry(CompanyRulesView.class, EnumSet.of(Role.TRAINING_ADMIN)),
            Map.entry(DeckAdminView.class, EnumSet.of(Role.TRAINING_ADMIN)),
            Map.entry(ExamView.class, EnumSet.of(Role.CANDIDATE)),
            Map.entry(ExamAdminView.class, EnumSet.of(Role.TRAINING_ADMIN)),
            Map.entry(OutboxView.class, EnumSet.of(Role.TRAINING_ADMIN, Role.SYSTEM_ADMIN)),
            Map.entry(ItemAnalysisView.class, EnumSet.of(Role.TRAINING_ADMIN)),
            Map.entry(QuestionExportView.class, EnumSet.of(Role.TRAINING_ADMIN)),
            Map.entry(MyCertificatesView.class, EnumSet.of(Role.CANDIDATE)),
            Map.entry(SignDeclarationView.class, EnumSet.of(Role.EXAMINER)),
            Map.entry(PersonHistoryView.class, EnumSet.of(Role.TRAINING_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR)),
            Map.entry(DashboardView.class, EnumSet.of(Role.TRAINING_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR)),
            Map.entry(ReportsView.class, EnumSet.of(Role.TRAINING_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR)),
            Map.entry(PlansView.class, EnumSet.of(Role.TRAINING_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR)),
            Map.entry(MyAssignmentsView.class, EnumSet.of(Role.LEARNER, Role.EXAMINER, Role.CANDIDATE)),
            Map.entry(ExaminerRosterView.class, EnumSet.of(Role.TRAINING_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR)),
            Map.entry(CertificatesAdminView.class, EnumSet.of(Role.TRAINING_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR)));

    private static final Set<String> PUBLIC_VIEWS = Set.of("LoginView", "SetPasswordView", "RegisterView", "VerifyEmailView", "VerifyView");

    private final AccessAnnotationChecker checker = new AccessAnnotationChecker();

    @Test
    void every_view_is_in_the_matrix_or_public() {
        Set<String> routes = routeClasses().stream().map(Class::getSimpleName).collect(Collectors.toSet());
        Set<String> known = MATRIX.keySet().stream().map(Class::getSimpleName).collect(Collectors.toSet());
        known.addAll(PUBLIC_VIEWS);

        assertThat(known).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void each_role_opens_exactly_the_views_the_matrix_gives_it() {
        for (var row : MATRIX.entrySet()) {
            for (Role role : Role.values()) {
                boolean expected = row.getValue().contains(role);
                assertThat(checker.hasAccess(row.getKey(), principal(role), r -> r.equals(role.name())))
                        .as("%s may %s open %s", role, expected ? "" : "not", row.getKey().getSimpleName())
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void visitors_who_are_not_logged_in_open_only_the_public_views() {
        for (Class<?> view : routeClasses()) {
            assertThat(checker.hasAccess(view, null, r -> false))
                    .as(view.getSimpleName()).isEqualTo(PUBLIC_VIEWS.contains(view.getSimpleName()));
        }
    }

    private static Principal principal(Role role) {
        return () -> role.name().toLowerCase() + "@example.jp";
    }

    static Set<Class<?>> routeClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        return scanner.findCandidateComponents("jp.mamori").stream().map(bean -> {
            try {
                return (Class<?>) Class.forName(bean.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
    }
}
