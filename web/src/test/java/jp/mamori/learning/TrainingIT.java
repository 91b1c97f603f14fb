package jp.mamori.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The learner's programme, where they are in each deck, and who may open what. */
@MamoriIntegrationTest
class TrainingIT {

    @Autowired
    Training training;
    @Autowired
    TestUsers users;


    @Test
    void a_new_learner_sees_the_five_decks_not_started_and_due_at_the_fiscal_year_end() {
        users.loginAs("programme-new@example.jp", Role.LEARNER);

        var programme = training.programme(Audience.EMPLOYEE);

        assertThat(programme).extracting(TrainingEntry::deckId)
                .startsWith("why-pi-matters", "incident-trends", "our-rules", "when-incidents-happen", "pms-and-you");
        assertThat(programme).allMatch(entry -> entry.status() == TrainingStatus.NOT_STARTED && entry.seen() == 0);
        assertThat(programme.getFirst().due().getMonthValue()).isEqualTo(3);
        assertThat(programme.getFirst().due().getDayOfMonth()).isEqualTo(31);
        assertThat(programme.getFirst().due()).isAfterOrEqualTo(LocalDate.now().minusDays(1));
    }

    @Test
    void a_deck_resumes_at_the_last_slide_shown_with_every_seen_slide_remembered() {
        users.loginAs("programme-resume@example.jp", Role.LEARNER);
        DeckSession first = training.open("incident-trends");
        assertThat(first.currentSlide()).isZero();

        training.show("incident-trends", 0);
        training.show("incident-trends", 1);
        training.show("incident-trends", 2);

        TestUsers.logout();
        users.loginAs("programme-resume@example.jp", Role.LEARNER);
        DeckSession again = training.open("incident-trends");
        assertThat(again.currentSlide()).isEqualTo(2);
        assertThat(again.seen()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(training.programme(Audience.EMPLOYEE)).filteredOn(e -> e.deckId().equals("incident-trends"))
                .singleElement().satisfies(e -> {
                    assertThat(e.status()).isEqualTo(TrainingStatus.IN_PROGRESS);
                    assertThat(e.seen()).isEqualTo(3);
                });
    }

    @Test
    void a_slide_outside_the_deck_is_refused_and_changes_nothing() {
        users.loginAs("programme-range@example.jp", Role.LEARNER);
        training.open("pms-and-you");

        assertThatThrownBy(() -> training.show("pms-and-you", 999)).isInstanceOf(IllegalArgumentException.class);
        assertThat(training.open("pms-and-you").currentSlide()).isZero();
    }

    @Test
    void a_deck_that_is_not_in_the_programme_is_refused() {
        users.loginAs("programme-other@example.jp", Role.LEARNER);

        assertThatThrownBy(() -> training.open("no-such-deck")).isInstanceOf(NotAssignedException.class);
        assertThatThrownBy(() -> training.show("why-pi-matters", 0)).isInstanceOf(NotAssignedException.class);
    }

    @Test
    void only_learners_have_the_employee_programme_and_only_learners_and_examiners_open_decks() {
        for (Role role : new Role[] {Role.CANDIDATE, Role.AUDITOR, Role.SYSTEM_ADMIN, Role.TRAINING_ADMIN}) {
            users.loginAs("programme-" + role.name().toLowerCase() + "@example.jp", role);
            assertThatThrownBy(() -> training.programme(Audience.EMPLOYEE)).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> training.open("why-pi-matters")).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
        }
    }
}
