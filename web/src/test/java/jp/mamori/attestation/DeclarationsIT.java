package jp.mamori.attestation;

import jp.mamori.shared.FiscalYears;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Signing the yearly declarations: what is checked, what is recorded, and that a new fiscal year asks again. */
@MamoriIntegrationTest
class DeclarationsIT {

    private static final Set<String> DISPOSAL_STATEMENTS = Set.of("all-material-destroyed", "copies-included", "checked-myself", "records-kept");

    @Autowired
    Declarations declarations;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    TestUsers users;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_complete_signature_is_stored_with_its_text_version_and_recorded_as_evidence() {
        long id = users.loginAs("decl-sign@example.jp", Role.EXAMINER).id();

        EvidenceRecord record = declarations.sign(disposal(Map.of("disposal-date", List.of(today().toString()),
                "disposal-method", List.of("shredding", "returned-to-office")), TestUsers.PASSWORD));

        assertThat(record.kind()).isEqualTo("DECLARATION_SIGNED");
        assertThat(record.itemRef()).isEqualTo("declaration:past-material-destroyed");
        assertThat(record.detailsJson()).contains("\"returned-to-office\"", "\"shredding\"", "\"checked-myself\"");
        assertThat(ledger.recordsOf(id)).extracting(EvidenceRecord::seq).contains(record.seq());
        assertThat(declarations.thisYear()).filteredOn(due -> due.declaration().id().equals("past-material-destroyed"))
                .singleElement().satisfies(due -> assertThat(due.signedAt()).isPresent());
    }

    @Test
    void every_bad_signature_is_refused_with_its_reason_and_nothing_is_recorded() {
        users.loginAs("decl-bad@example.jp", Role.EXAMINER);
        Map<String, List<String>> good = Map.of("disposal-date", List.of(today().toString()), "disposal-method", List.of("shredding"));

        assertRefused(disposal(good, "wrong password"), "declaration.error.password");
        assertRefused(new Declarations.Signing("past-material-destroyed", 1, Set.of("all-material-destroyed"), good, TestUsers.PASSWORD),
                "declaration.error.statement");
        assertRefused(disposal(Map.of("disposal-date", List.of(today().plusDays(1).toString()), "disposal-method", List.of("shredding")),
                TestUsers.PASSWORD), "declaration.error.future");
        assertRefused(disposal(Map.of("disposal-date", List.of(today().toString()), "disposal-method", List.of("other")),
                TestUsers.PASSWORD), "declaration.error.fact-missing");
        assertRefused(disposal(Map.of("disposal-date", List.of("yesterday"), "disposal-method", List.of("shredding")),
                TestUsers.PASSWORD), "declaration.error.date");
        assertRefused(disposal(Map.of("disposal-date", List.of(today().toString()), "disposal-method", List.of("burning")),
                TestUsers.PASSWORD), "declaration.error.choice");
        assertRefused(new Declarations.Signing("past-material-destroyed", 99, DISPOSAL_STATEMENTS, good, TestUsers.PASSWORD),
                "declaration.error.outdated");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM declaration_signature s JOIN app_user u ON u.id = s.user_id WHERE u.email = ?")
                .param("decl-bad@example.jp").query(Long.class).single()).isZero();
    }

    @Test
    void a_declaration_is_signed_once_a_fiscal_year_and_falls_due_again_in_the_next() {
        users.loginAs("decl-yearly@example.jp", Role.EXAMINER);
        Declarations.Signing rules = new Declarations.Signing("rules-read", 1, statements("rules-read"), Map.of(), TestUsers.PASSWORD);
        declarations.sign(rules);

        assertRefused(rules, "declaration.error.already");
        clock.advance(Duration.ofDays(366));

        assertThat(declarations.thisYear()).filteredOn(due -> due.declaration().id().equals("rules-read"))
                .singleElement().satisfies(due -> assertThat(due.signedAt()).isEmpty());
        declarations.sign(rules);
    }

    @Test
    void only_examiners_sign() {
        users.loginAs("decl-learner@example.jp", Role.LEARNER, Role.CANDIDATE, Role.TRAINING_ADMIN, Role.AUDITOR);

        assertThatThrownBy(() -> declarations.thisYear()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> declarations.sign(disposal(Map.of(), TestUsers.PASSWORD))).isInstanceOf(AuthorizationDeniedException.class);
    }

    private Set<String> statements(String declarationId) {
        return declarations.thisYear().stream().filter(due -> due.declaration().id().equals(declarationId)).findFirst().orElseThrow()
                .declaration().statements().stream().map(s -> s.id()).collect(java.util.stream.Collectors.toSet());
    }

    private static Declarations.Signing disposal(Map<String, List<String>> facts, String password) {
        return new Declarations.Signing("past-material-destroyed", 1, DISPOSAL_STATEMENTS, facts, password);
    }

    private LocalDate today() {
        return clock.instant().atZone(FiscalYears.JAPAN).toLocalDate();
    }

    private void assertRefused(Declarations.Signing signing, String key) {
        assertThatThrownBy(() -> declarations.sign(signing)).isInstanceOf(DeclarationException.class).hasMessage(key);
    }
}
