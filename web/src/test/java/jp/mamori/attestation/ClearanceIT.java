package jp.mamori.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.identity.TestUsers;
import jp.mamori.learning.Audience;
import jp.mamori.learning.CurriculumProgress;
import jp.mamori.learning.TestTraining;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** From nothing to cleared to review, what takes the clearance away, corrections, and the yearly renewal. */
@MamoriIntegrationTest
class ClearanceIT {

    static final String DISPOSAL = "past-material-destroyed";

    @Autowired
    ExaminerClearance clearance;
    @Autowired
    Declarations declarations;
    @Autowired
    Signatures signatures;
    @Autowired
    SpotChecks spotChecks;
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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_examiner_goes_from_nothing_to_cleared_and_a_spot_check_discrepancy_takes_it_away_until_resolved() {
        long id = users.loginAs("clear-path@example.jp", Role.EXAMINER).id();
        Clearance start = clearance.mine();
        assertThat(start.cleared()).isFalse();
        assertThat(start.modulesMissing()).hasSize(5);
        assertThat(start.declarationsMissing()).containsExactlyInAnyOrder(DISPOSAL, "no-private-devices", "rules-read");
        assertThat(start.deadline()).isEqualTo(fiscalYears.lastDay(fiscalYears.of(clock.instant())));

        completeEverything();

        assertThat(clearance.mine().cleared()).isTrue();
        long disposal = signatures.mine(clearance.currentYear()).stream().filter(s -> s.declarationId().equals(DISPOSAL))
                .findFirst().orElseThrow().id();

        users.loginAs("clear-admin@example.jp", Role.TRAINING_ADMIN);
        spotChecks.record(disposal, SpotCheck.Outcome.DISCREPANCY, "USB memory with 2023 review files found at home");
        assertThat(standingOf(id).cleared()).isFalse();
        assertThat(standingOf(id).discrepancies()).containsExactly(DISPOSAL);

        users.loginAs("clear-path@example.jp", Role.EXAMINER);
        assertThat(clearance.mine().cleared()).isFalse();
        assertThat(spotChecks.mine(clearance.currentYear())).extracting(SpotCheck::outcome).containsExactly(SpotCheck.Outcome.DISCREPANCY);

        users.loginAs("clear-admin@example.jp", Role.TRAINING_ADMIN);
        spotChecks.record(disposal, SpotCheck.Outcome.RESOLVED, "Media destroyed in the office on the examiner's visit");
        assertThat(standingOf(id).cleared()).isTrue();
        assertThat(ledger.recordsOf(id)).filteredOn(r -> r.kind().equals("SPOT_CHECK_RECORDED"))
                .extracting(EvidenceRecord::result).containsExactly("RESOLVED", "DISCREPANCY");
    }

    @Test
    void a_correction_is_a_new_revision_that_names_the_signature_it_corrects_and_a_confirmed_check_closes_a_discrepancy() {
        long id = users.loginAs("clear-correct@example.jp", Role.EXAMINER).id();
        declarations.sign(disposal(clock.instant().atZone(FiscalYears.JAPAN).toLocalDate().minusDays(30)));
        Signature first = signatures.mine(clearance.currentYear()).getFirst();
        users.loginAs("clear-correct-admin@example.jp", Role.TRAINING_ADMIN);
        spotChecks.record(first.id(), SpotCheck.Outcome.DISCREPANCY, "The shredding date does not match the office log");

        users.loginAs("clear-correct@example.jp", Role.EXAMINER);
        EvidenceRecord corrected = declarations.correct(first.id(), disposal(clock.instant().atZone(FiscalYears.JAPAN).toLocalDate()));

        assertThat(corrected.kind()).isEqualTo("DECLARATION_CORRECTED");
        assertThat(corrected.correctsSeq()).isEqualTo(first.evidenceSeq());
        List<Signature> mine = signatures.mine(clearance.currentYear());
        assertThat(mine).extracting(Signature::revision).containsExactly(0, 1);
        assertThat(mine.get(1).correctsId()).isEqualTo(first.id());
        assertThat(mine.getFirst().answersJson()).isEqualTo(first.answersJson());
        assertThatThrownBy(() -> declarations.correct(first.id(), disposal(LocalDate.now(clock).minusDays(1))))
                .isInstanceOf(DeclarationException.class).hasMessage("declaration.error.not-newest");

        users.loginAs("clear-correct-admin@example.jp", Role.TRAINING_ADMIN);
        assertThat(standingOf(id).discrepancies()).containsExactly(DISPOSAL);
        spotChecks.record(mine.get(1).id(), SpotCheck.Outcome.CONFIRMED, "");
        assertThat(standingOf(id).discrepancies()).isEmpty();
    }

    @Test
    void nobody_corrects_or_reads_another_examiners_signature() {
        users.loginAs("clear-owner@example.jp", Role.EXAMINER);
        declarations.sign(disposal(LocalDate.now(clock).minusDays(3)));
        long theirs = signatures.mine(clearance.currentYear()).getFirst().id();

        users.loginAs("clear-other@example.jp", Role.EXAMINER);
        assertThat(signatures.find(theirs)).isEmpty();
        assertThatThrownBy(() -> declarations.correct(theirs, disposal(LocalDate.now(clock))))
                .isInstanceOf(DeclarationException.class).hasMessage("declaration.error.unknown");
        assertThat(signatures.mine(clearance.currentYear())).isEmpty();
    }

    @Test
    void spot_checks_need_a_note_for_a_discrepancy_a_checkable_declaration_and_an_open_discrepancy_to_resolve() {
        long examiner = users.loginAs("clear-checks@example.jp", Role.EXAMINER).id();
        declarations.sign(disposal(LocalDate.now(clock).minusDays(3)));
        declarations.sign(new Declarations.Signing("rules-read", 1, statements("rules-read"), Map.of(), TestUsers.PASSWORD));
        Map<String, Long> signed = signatures.mine(clearance.currentYear()).stream()
                .collect(Collectors.toMap(Signature::declarationId, Signature::id));

        users.loginAs("clear-checks-admin@example.jp", Role.TRAINING_ADMIN);
        assertRefused(() -> spotChecks.record(signed.get(DISPOSAL), SpotCheck.Outcome.DISCREPANCY, "  "), "spotcheck.error.note-required");
        assertRefused(() -> spotChecks.record(signed.get(DISPOSAL), SpotCheck.Outcome.CONFIRMED, "x".repeat(2001)), "spotcheck.error.note-too-long");
        assertRefused(() -> spotChecks.record(signed.get("rules-read"), SpotCheck.Outcome.CONFIRMED, ""), "spotcheck.error.not-checkable");
        assertRefused(() -> spotChecks.record(signed.get(DISPOSAL), SpotCheck.Outcome.RESOLVED, "nothing was open"), "spotcheck.error.nothing-to-resolve");
        assertThat(spotChecks.of(examiner, clearance.currentYear())).as("nothing recorded").isEmpty();
    }

    @Test
    void a_new_fiscal_year_asks_for_everything_again_while_last_years_clearance_stays_on_record() {
        long id = users.loginAs("clear-yearly@example.jp", Role.EXAMINER).id();
        completeEverything();
        int year = clearance.currentYear();
        assertThat(clearance.mine().cleared()).isTrue();

        clock.advance(Duration.between(clock.instant(), fiscalYears.firstDay(year + 1).atStartOfDay(FiscalYears.JAPAN).toInstant()
                .plusSeconds(60)));

        Clearance next = clearance.mine();
        assertThat(next.fiscalYear()).isEqualTo(year + 1);
        assertThat(next.cleared()).isFalse();
        assertThat(next.modulesMissing()).hasSize(5);
        assertThat(next.declarationsMissing()).hasSize(3);
        users.loginAs("clear-yearly-auditor@example.jp", Role.AUDITOR);
        assertThat(clearance.roster(year)).filteredOn(c -> c.userId() == id).singleElement().satisfies(c -> assertThat(c.cleared()).isTrue());
        assertThat(clearance.roster(year + 1)).filteredOn(c -> c.userId() == id).singleElement().satisfies(c -> assertThat(c.cleared()).isFalse());
    }

    @Test
    void only_the_office_and_the_auditor_see_the_roster_and_only_the_training_admin_records_checks() {
        for (Role role : new Role[] {Role.EXAMINER, Role.LEARNER, Role.CANDIDATE, Role.SYSTEM_ADMIN}) {
            users.loginAs("clear-role-" + role.name().toLowerCase() + "@example.jp", role);
            assertThatThrownBy(() -> clearance.roster(2026)).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
        }
        for (Role role : new Role[] {Role.PRIVACY_OFFICER, Role.AUDITOR, Role.EXAMINER, Role.SYSTEM_ADMIN}) {
            users.loginAs("clear-check-" + role.name().toLowerCase() + "@example.jp", role);
            assertThatThrownBy(() -> spotChecks.record(1, SpotCheck.Outcome.CONFIRMED, "")).as(role.name())
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
        users.loginAs("clear-role-admin@example.jp", Role.TRAINING_ADMIN);
        assertThatThrownBy(() -> clearance.mine()).isInstanceOf(AuthorizationDeniedException.class);
    }

    private Clearance standingOf(long userId) {
        return clearance.roster(clearance.currentYear()).stream().filter(c -> c.userId() == userId).findFirst().orElseThrow();
    }

    /** The signed-in examiner completes the five modules and signs the three declarations. */
    private void completeEverything() {
        for (CurriculumProgress.CurriculumDeck module : progress.curriculum(Audience.EXAMINER)) {
            assertThat(taking.complete(module.deckId())).as(module.deckId()).isTrue();
        }
        declarations.sign(disposal(LocalDate.now(clock).minusDays(10)));
        for (String id : List.of("no-private-devices", "rules-read")) {
            declarations.sign(new Declarations.Signing(id, 1, statements(id), Map.of(), TestUsers.PASSWORD));
        }
    }

    private Set<String> statements(String declarationId) {
        return declarations.thisYear().stream().filter(due -> due.declaration().id().equals(declarationId)).findFirst().orElseThrow()
                .declaration().statements().stream().map(s -> s.id()).collect(Collectors.toSet());
    }

    private Declarations.Signing disposal(LocalDate date) {
        return new Declarations.Signing(DISPOSAL, 1, statements(DISPOSAL),
                Map.of("disposal-date", List.of(date.toString()), "disposal-method", List.of("shredding")), TestUsers.PASSWORD);
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(DeclarationException.class).hasMessage(key);
    }
}
