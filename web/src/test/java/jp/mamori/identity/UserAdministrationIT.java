package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Creating people, changing roles and one-time password links, with the rules on who may do what. */
@MamoriIntegrationTest
class UserAdministrationIT {

    @Autowired
    UserAdministration administration;
    @Autowired
    PasswordLinks links;
    @Autowired
    TestUsers users;
    @Autowired
    AuditLog auditLog;
    @Autowired
    MutableClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
        TestUsers.logout();
    }

    @Test
    void a_training_admin_creates_a_person_who_sets_a_password_through_the_link_once() {
        users.loginAs("admin-create@example.jp", Role.TRAINING_ADMIN);

        String link = administration.create(new UserAdministration.NewUser(" New.Person@Example.jp ", "新人 太郎", null,
                Set.of(Role.LEARNER)));

        assertThat(link).startsWith("http://localhost:8080/set-password?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        TestUsers.logout();
        assertThat(links.accountFor(token)).contains("new.person@example.jp");
        assertThat(links.setPassword(token, "short")).contains("password.error.too-short");
        assertThat(links.setPassword(token, "new.person@example.jp")).contains("password.error.like-email");
        assertThat(links.setPassword(token, "a long enough passphrase")).isEmpty();
        assertThat(links.setPassword(token, "another long passphrase")).contains("password.error.link-invalid");
        assertThat(users.find("new.person@example.jp").getPasswordHash()).startsWith("{argon2}");
    }

    @Test
    void a_link_expires_after_seventy_two_hours() {
        users.loginAs("admin-expiry@example.jp", Role.TRAINING_ADMIN);
        String link = administration.create(new UserAdministration.NewUser("late@example.jp", "遅刻 次郎", null, Set.of(Role.LEARNER)));
        String token = link.substring(link.indexOf("token=") + 6);

        clock.advance(Duration.ofHours(73));

        assertThat(links.accountFor(token)).isEmpty();
        assertThat(links.setPassword(token, "a long enough passphrase")).contains("password.error.link-invalid");
    }

    @Test
    void bad_input_is_refused_with_a_reason_and_creates_nothing() {
        users.loginAs("admin-bad@example.jp", Role.TRAINING_ADMIN);
        users.create("taken@example.jp", Role.LEARNER);
        long before = administration.users().size();

        assertRefused(new UserAdministration.NewUser("not-an-address", "名前", null, Set.of(Role.LEARNER)), "users.error.email-invalid");
        assertRefused(new UserAdministration.NewUser("TAKEN@example.jp", "名前", null, Set.of(Role.LEARNER)), "users.error.email-taken");
        assertRefused(new UserAdministration.NewUser("x@example.jp", "  ", null, Set.of(Role.LEARNER)), "users.error.name-required");
        assertRefused(new UserAdministration.NewUser("x@example.jp", "名前", null, Set.of()), "users.error.role-required");
        assertRefused(new UserAdministration.NewUser("x@example.jp", "名前", 999_999L, Set.of(Role.LEARNER)), "users.error.department-unknown");
        assertThat(administration.users()).hasSize((int) before);
    }

    @Test
    void role_changes_are_audited_one_line_per_role() {
        long id = users.create("roles-change@example.jp", Role.LEARNER);
        users.loginAs("admin-roles@example.jp", Role.TRAINING_ADMIN);

        administration.changeRoles(id, Set.of(Role.EXAMINER, Role.AUDITOR));

        assertThat(users.find("roles-change@example.jp").getRoles()).containsExactlyInAnyOrder(Role.EXAMINER, Role.AUDITOR);
        users.loginAs("roles-auditor@example.jp", Role.AUDITOR);
        assertThat(auditLog.recent(AuditAction.ROLE_GRANTED, 100)).filteredOn(e -> "roles-change@example.jp".equals(e.target()))
                .extracting(e -> e.detail()).containsExactlyInAnyOrder("EXAMINER", "AUDITOR");
        assertThat(auditLog.recent(AuditAction.ROLE_REVOKED, 100)).filteredOn(e -> "roles-change@example.jp".equals(e.target()))
                .extracting(e -> e.detail()).containsExactly("LEARNER");
    }

    @Test
    void only_a_system_admin_grants_the_system_admin_role() {
        long id = users.create("would-be-sysadmin@example.jp", Role.LEARNER);
        users.loginAs("admin-escalate@example.jp", Role.TRAINING_ADMIN);

        assertThatThrownBy(() -> administration.changeRoles(id, Set.of(Role.SYSTEM_ADMIN)))
                .isInstanceOf(UserAdministrationException.class).hasMessage("users.error.system-admin-only");

        users.loginAs("sysadmin-grant@example.jp", Role.SYSTEM_ADMIN);
        administration.changeRoles(id, Set.of(Role.SYSTEM_ADMIN));
        assertThat(users.find("would-be-sysadmin@example.jp").getRoles()).containsExactly(Role.SYSTEM_ADMIN);
    }

    @Test
    void people_without_an_administrator_role_are_refused_by_the_service_itself() {
        long id = users.create("victim@example.jp", Role.LEARNER);
        for (Role role : Set.of(Role.LEARNER, Role.EXAMINER, Role.CANDIDATE, Role.AUDITOR, Role.PRIVACY_OFFICER)) {
            users.loginAs("refused-" + role.name().toLowerCase() + "@example.jp", role);

            assertThatThrownBy(() -> administration.changeRoles(id, Set.of(Role.TRAINING_ADMIN)))
                    .as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> administration.unlock(id)).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> administration.issuePasswordLink(id)).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> administration.create(new UserAdministration.NewUser("y@example.jp", "名前", null, Set.of(Role.LEARNER))))
                    .as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
        }
        users.loginAs("refused-learner@example.jp", Role.LEARNER);
        assertThatThrownBy(() -> administration.users()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void the_overview_counts_accounts_locked_right_now() {
        users.loginAs("overview-officer@example.jp", Role.PRIVACY_OFFICER);
        long lockedBefore = administration.overview().locked();
        users.create("overview-locked@example.jp", Role.LEARNER);
        users.lockForTest("overview-locked@example.jp", clock.instant());

        assertThat(administration.overview().locked()).isEqualTo(lockedBefore + 1);
        clock.advance(Duration.ofMinutes(31));
        assertThat(administration.overview().locked()).isEqualTo(lockedBefore);
    }

    @Test
    void the_privacy_officer_reads_people_but_does_not_change_them() {
        users.loginAs("officer-reads@example.jp", Role.PRIVACY_OFFICER);

        assertThat(administration.users()).isNotEmpty();
        assertThat(administration.overview().people()).isPositive();
    }

    private void assertRefused(UserAdministration.NewUser request, String key) {
        assertThatThrownBy(() -> administration.create(request)).isInstanceOf(UserAdministrationException.class).hasMessage(key);
    }
}
