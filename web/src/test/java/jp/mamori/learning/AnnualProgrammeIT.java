package jp.mamori.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Each role's yearly programme: examiners take the examiner curriculum, and every fiscal year starts afresh. */
@MamoriIntegrationTest
@RecordApplicationEvents
class AnnualProgrammeIT {

    private static final String LEAK = "examiner-2023-leak";

    @Autowired
    Training training;
    @Autowired
    CurriculumProgress progress;
    @Autowired
    TestTraining taking;
    @Autowired
    TestUsers users;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    FiscalYears fiscalYears;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_examiner_takes_the_five_examiner_modules_in_curriculum_order_due_at_the_end_of_the_fiscal_year() {
        users.loginAs("annual-examiner@example.jp", Role.EXAMINER);
        int year = fiscalYears.of(clock.instant());

        var programme = training.programme(Audience.EXAMINER);

        assertThat(programme).extracting(TrainingEntry::deckId).containsExactly(LEAK, "examiner-devices-and-data",
                "examiner-handling-review-documents", "examiner-threats-today", "examiner-jisq15001-2023");
        assertThat(programme).allMatch(e -> e.status() == TrainingStatus.NOT_STARTED && e.due().equals(fiscalYears.lastDay(year)));
        assertThat(progress.curriculum(Audience.EXAMINER)).extracting(CurriculumProgress.CurriculumDeck::deckId)
                .containsExactlyElementsOf(programme.stream().map(TrainingEntry::deckId).toList());
    }

    @Test
    void each_role_opens_only_the_decks_written_for_it() {
        users.loginAs("annual-only-examiner@example.jp", Role.EXAMINER);
        assertThatThrownBy(() -> training.open("why-pi-matters")).isInstanceOf(NotAssignedException.class);
        assertThatThrownBy(() -> training.programme(Audience.EMPLOYEE)).isInstanceOf(AuthorizationDeniedException.class);

        users.loginAs("annual-only-learner@example.jp", Role.LEARNER);
        assertThatThrownBy(() -> training.open(LEAK)).isInstanceOf(NotAssignedException.class);
        assertThatThrownBy(() -> training.programme(Audience.EXAMINER)).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void an_examiner_completes_a_module_through_its_check_and_the_completion_is_announced_and_counted() {
        long id = users.loginAs("annual-complete@example.jp", Role.EXAMINER).id();
        int year = fiscalYears.of(clock.instant());

        assertThat(taking.complete(LEAK)).isTrue();

        assertThat(events.stream(DeckCompleted.class))
                .filteredOn(e -> e.userId() == id)
                .singleElement().satisfies(e -> {
                    assertThat(e.deckId()).isEqualTo(LEAK);
                    assertThat(e.fiscalYear()).isEqualTo(year);
                });
        assertThat(progress.myCompleted(Audience.EXAMINER, year)).containsExactly(LEAK);
        assertThat(ledger.recordsOf(id)).filteredOn(r -> r.kind().equals("DECK_COMPLETED")).singleElement()
                .extracting(EvidenceRecord::detailsJson).asString().contains("\"fiscalYear\":" + year);

        users.loginAs("annual-complete-admin@example.jp", Role.TRAINING_ADMIN);
        assertThat(progress.completed(Audience.EXAMINER, year)).containsEntry(id, java.util.Set.of(LEAK));
    }

    @Test
    void a_new_fiscal_year_starts_the_programme_afresh_and_keeps_last_years_completion() {
        long id = users.loginAs("annual-renewal@example.jp", Role.EXAMINER).id();
        int year = fiscalYears.of(clock.instant());
        taking.complete(LEAK);
        assertThat(status(LEAK)).isEqualTo(TrainingStatus.DONE);

        moveTo(fiscalYears.firstDay(year + 1).atStartOfDay(FiscalYears.JAPAN).plusHours(9).toInstant());

        assertThat(fiscalYears.of(clock.instant())).isEqualTo(year + 1);
        assertThat(status(LEAK)).isEqualTo(TrainingStatus.NOT_STARTED);
        assertThat(training.programme(Audience.EXAMINER).getFirst().due()).isEqualTo(fiscalYears.lastDay(year + 1));
        assertThat(training.open(LEAK).seen()).isEmpty();
        assertThat(progress.myCompleted(Audience.EXAMINER, year)).containsExactly(LEAK);
        assertThat(progress.myCompleted(Audience.EXAMINER, year + 1)).isEmpty();

        assertThat(taking.complete(LEAK)).isTrue();
        assertThat(ledger.recordsOf(id)).filteredOn(r -> r.kind().equals("DECK_COMPLETED")).hasSize(2);
    }

    @Test
    void only_the_pms_office_and_the_auditor_see_everyones_completions() {
        for (Role role : new Role[] {Role.LEARNER, Role.EXAMINER, Role.CANDIDATE, Role.SYSTEM_ADMIN}) {
            users.loginAs("annual-refused-" + role.name().toLowerCase() + "@example.jp", role);
            assertThatThrownBy(() -> progress.completed(Audience.EXAMINER, 2026)).as(role.name())
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
        for (Role role : new Role[] {Role.TRAINING_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR}) {
            users.loginAs("annual-allowed-" + role.name().toLowerCase() + "@example.jp", role);
            assertThat(progress.completed(Audience.EXAMINER, 1999)).as(role.name()).isEmpty();
        }
    }

    private TrainingStatus status(String deckId) {
        return training.programme(Audience.EXAMINER).stream().filter(e -> e.deckId().equals(deckId)).findFirst()
                .orElseThrow().status();
    }

    private void moveTo(Instant target) {
        clock.advance(Duration.between(clock.instant(), target));
    }
}
