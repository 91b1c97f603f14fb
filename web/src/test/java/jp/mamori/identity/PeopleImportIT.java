package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The CSV import of departments and people: encodings, every kind of bad input, limits, all or nothing. */
@MamoriIntegrationTest
class PeopleImportIT {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    @Autowired
    PeopleImport imports;
    @Autowired
    UserAdministration administration;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    WebApplicationContext context;

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @Test
    void utf8_with_and_without_bom_and_shift_jis_files_are_read_and_the_dry_run_names_the_encoding() {
        users.loginAs("import-enc@example.jp", Role.TRAINING_ADMIN);
        String departments = csv("部署コード,部署名,親部署コード", "ENC-HQ,本社,", "ENC-SALES,\"営業部, 東京\",ENC-HQ");

        ImportPlan withBom = imports.dryRun(new ImportRequest(bom(departments), null, false));
        ImportPlan plain = imports.dryRun(new ImportRequest(departments.getBytes(StandardCharsets.UTF_8), null, false));
        ImportPlan sjis = imports.dryRun(new ImportRequest(departments.getBytes(SHIFT_JIS), null, false));

        assertThat(withBom.encodings()).containsEntry(ImportFile.DEPARTMENTS, "UTF-8 (BOM)");
        assertThat(plain.encodings()).containsEntry(ImportFile.DEPARTMENTS, "UTF-8");
        assertThat(sjis.encodings()).containsEntry(ImportFile.DEPARTMENTS, "Shift_JIS (Windows-31J)");
        for (ImportPlan plan : List.of(withBom, plain, sjis)) {
            assertThat(plan.problems()).isEmpty();
            assertThat(plan.changes()).containsExactly(
                    new PlannedChange(PlannedChange.Kind.DEPARTMENT_CREATED, 2, "ENC-HQ", null, null, "本社"),
                    new PlannedChange(PlannedChange.Kind.DEPARTMENT_CREATED, 3, "ENC-SALES", null, null, "営業部, 東京"));
        }

        String people = csv("メールアドレス,氏名,部署コード,役割,言語,状態",
                "Sato.Enc@example.jp,佐藤 一郎,ENC-SALES,LEARNER;EXAMINER,ja,active");
        imports.confirm(imports.dryRun(new ImportRequest(departments.getBytes(SHIFT_JIS), people.getBytes(SHIFT_JIS), false)));

        UserAccount sato = users.find("sato.enc@example.jp");
        assertThat(sato.getDisplayName()).isEqualTo("佐藤 一郎");
        assertThat(sato.getDepartment().getName()).isEqualTo("営業部, 東京");
        assertThat(sato.getDepartment().getParent().getCode()).isEqualTo("ENC-HQ");
        assertThat(sato.getRoles()).containsExactlyInAnyOrder(Role.LEARNER, Role.EXAMINER);
        assertThat(sato.getLanguage()).isEqualTo("ja");
        assertThat(sato.getPasswordHash()).isNull();
    }

    @Test
    void each_kind_of_bad_input_is_reported_by_line_and_column_and_changes_nothing() {
        users.loginAs("import-bad@example.jp", Role.TRAINING_ADMIN);
        String before = databaseState();

        assertProblem(null, csv("email,name,department,roles", "a@example.jp,A,X,"),
                new ImportProblem(ImportFile.PEOPLE, 1, "department", "import.error.column-unknown",
                        List.of("department_code, email, language, name, roles, status")));
        assertProblem(null, csv("email,name", "a@example.jp,A"),
                new ImportProblem(ImportFile.PEOPLE, 1, "department_code", "import.error.column-missing", List.of()));
        assertProblem(csv("code,name", "BAD-A,A"), csv("email,name,department_code", "a@example.jp,,BAD-A"),
                new ImportProblem(ImportFile.PEOPLE, 2, "name", "import.error.required", List.of()));
        assertProblem(csv("code,name", "BAD-A,A"), csv("email,name,department_code", "ok@example.jp,OK,BAD-A", "not-an-address,B,BAD-A"),
                new ImportProblem(ImportFile.PEOPLE, 3, "email", "import.error.email-invalid", List.of("not-an-address")));
        assertProblem(csv("code,name", "BAD-A,A"),
                csv("email,name,department_code", "twice@example.jp,A,BAD-A", "x@example.jp,X,BAD-A", "TWICE@example.jp,B,BAD-A"),
                new ImportProblem(ImportFile.PEOPLE, 4, "email", "import.error.email-repeated", List.of("twice@example.jp", "2")));
        assertProblem(null, csv("email,name,department_code", "a@example.jp,A,NOWHERE"),
                new ImportProblem(ImportFile.PEOPLE, 2, "department_code", "import.error.department-unknown", List.of("NOWHERE")));
        assertProblem(csv("code,name", "BAD-A,A"), csv("email,name,department_code,roles", "a@example.jp,A,BAD-A,LEARNER;BOSS"),
                new ImportProblem(ImportFile.PEOPLE, 2, "roles", "import.error.role-unknown", List.of("BOSS")));
        assertProblem(csv("code,name", "BAD-A,A"), csv("email,name,department_code,roles", "a@example.jp,A,BAD-A,SYSTEM_ADMIN"),
                new ImportProblem(ImportFile.PEOPLE, 2, "roles", "import.error.system-admin-only", List.of()));
        assertProblem(csv("code,name,parent_code", "CYC-A,A,CYC-B", "CYC-B,B,CYC-C", "CYC-C,C,CYC-A"), null,
                new ImportProblem(ImportFile.DEPARTMENTS, 2, "parent_code", "import.error.department-cycle", List.of("CYC-A")));
        byte[] broken = (csv("email,name,department_code", "a@example.jp,A,X") + "b@example.jp,")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBrokenByte = new byte[broken.length + 2];
        System.arraycopy(broken, 0, withBrokenByte, 0, broken.length);
        withBrokenByte[broken.length] = (byte) 0x82;
        withBrokenByte[broken.length + 1] = (byte) 0xFF;
        ImportPlan encoding = imports.dryRun(new ImportRequest(null, withBrokenByte, false));
        assertThat(encoding.problems()).containsExactly(
                new ImportProblem(ImportFile.PEOPLE, 3, null, "import.error.encoding", List.of()));
        assertThatThrownBy(() -> imports.confirm(encoding)).isInstanceOf(PeopleImportException.class)
                .hasMessage("import.error.has-problems");

        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_file_of_100001_rows_is_refused_with_the_limit_message_alone() {
        users.loginAs("import-limit@example.jp", Role.TRAINING_ADMIN);
        String before = databaseState();
        StringBuilder file = new StringBuilder("email,name,department_code\n");
        for (int i = 0; i < 100_001; i++) {
            file.append("limit").append(i).append("@example.jp,Person ").append(i).append(",NOWHERE\n");
        }

        ImportPlan plan = imports.dryRun(new ImportRequest(null, file.toString().getBytes(StandardCharsets.UTF_8), false));

        assertThat(plan.problems()).containsExactly(
                new ImportProblem(ImportFile.PEOPLE, 50_002, null, "import.error.too-many-rows", List.of("50000")));
        assertThat(plan.confirmable()).isFalse();
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void ten_thousand_people_in_two_hundred_departments_are_imported_in_one_go() {
        users.loginAs("import-big@example.jp", Role.TRAINING_ADMIN);
        List<String> departments = new ArrayList<>(List.of("code,name,parent_code"));
        departments.add("BIG-000,本社,");
        for (int d = 1; d < 200; d++) {
            departments.add("BIG-%03d,部署 %d,BIG-000".formatted(d, d));
        }
        List<String> people = new ArrayList<>(List.of("email,name,department_code,roles,language,status"));
        for (int p = 0; p < 10_000; p++) {
            people.add("big%05d@example.jp,社員 %d,BIG-%03d,,%s,active".formatted(p, p, p % 200, p % 2 == 0 ? "ja" : "en"));
        }
        ImportRequest request = new ImportRequest(csv(departments.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8),
                csv(people.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8), false);
        long usersBefore = count("app_user");

        long start = System.nanoTime();
        ImportPlan plan = imports.dryRun(request);
        long dryRun = System.nanoTime();
        ImportCounts counts = imports.confirm(plan);
        long end = System.nanoTime();

        System.out.printf("People import of 10,000 people and 200 departments: dry run %d ms, confirm %d ms%n",
                (dryRun - start) / 1_000_000, (end - dryRun) / 1_000_000);
        assertThat(plan.problems()).isEmpty();
        assertThat(counts.departmentsCreated()).isEqualTo(200);
        assertThat(counts.peopleCreated()).isEqualTo(10_000);
        assertThat(count("app_user")).isEqualTo(usersBefore + 10_000);
        assertThat(users.find("big09999@example.jp").getDepartment().getCode()).isEqualTo("BIG-199");
        assertThat(users.find("big09999@example.jp").getRoles()).containsExactly(Role.LEARNER);
        assertThat(imports.dryRun(request).changes()).isEmpty();
        long listStart = System.nanoTime();
        int listed = administration.users().size();
        System.out.printf("People page list of %d people: %d ms%n", listed, (System.nanoTime() - listStart) / 1_000_000);
    }

    @Test
    void changes_and_leavers_are_applied_and_a_deactivated_person_can_no_longer_log_in() throws Exception {
        users.loginAs("import-change@example.jp", Role.TRAINING_ADMIN);
        imports.confirm(imports.dryRun(new ImportRequest(bytes(csv("code,name", "CHG-A,総務部", "CHG-B,人事部")),
                bytes(csv("email,name,department_code,roles,language", "stay@example.jp,残る 人,CHG-A,LEARNER,ja")), false)));
        users.create("leaver@example.jp", Role.LEARNER);
        String departments = csv("code,name,parent_code,manager_email", "CHG-A,総務・法務部,CHG-B,stay@example.jp",
                "CHG-B,人事部,,");
        String people = csv("email,name,department_code,roles,language,status",
                "stay@example.jp,残る 花子,CHG-B,LEARNER;EXAMINER,en,active",
                "leaver@example.jp,辞める 人,CHG-A,,,left");

        ImportPlan plan = imports.dryRun(new ImportRequest(bytes(departments), bytes(people), false));

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.changes()).containsExactly(
                new PlannedChange(PlannedChange.Kind.DEPARTMENT_RENAMED, 2, "CHG-A", null, "総務部", "総務・法務部"),
                new PlannedChange(PlannedChange.Kind.DEPARTMENT_MOVED, 2, "CHG-A", null, null, "CHG-B"),
                new PlannedChange(PlannedChange.Kind.DEPARTMENT_MANAGER_SET, 2, "CHG-A", null, null, "stay@example.jp"),
                new PlannedChange(PlannedChange.Kind.PERSON_CHANGED, 2, "stay@example.jp", "name", "残る 人", "残る 花子"),
                new PlannedChange(PlannedChange.Kind.PERSON_CHANGED, 2, "stay@example.jp", "department", "CHG-A", "CHG-B"),
                new PlannedChange(PlannedChange.Kind.PERSON_CHANGED, 2, "stay@example.jp", "roles", "LEARNER", "EXAMINER;LEARNER"),
                new PlannedChange(PlannedChange.Kind.PERSON_CHANGED, 2, "stay@example.jp", "language", "ja", "en"),
                new PlannedChange(PlannedChange.Kind.PERSON_DEACTIVATED, 3, "leaver@example.jp", null, null, null));
        ImportCounts counts = imports.confirm(plan);

        assertThat(counts).isEqualTo(new ImportCounts(0, 1, 1, 1, 0, 1, 1, 0));
        UserAccount stay = users.find("stay@example.jp");
        assertThat(stay.getDisplayName()).isEqualTo("残る 花子");
        assertThat(stay.getDepartment().getCode()).isEqualTo("CHG-B");
        assertThat(stay.getRoles()).containsExactlyInAnyOrder(Role.LEARNER, Role.EXAMINER);
        assertThat(stay.getLanguage()).isEqualTo("en");
        assertThat(stay.getDepartment().getName()).isEqualTo("人事部");
        assertThat(jdbc.sql("SELECT manager_user_id FROM department WHERE code = 'CHG-A'").query(Long.class).single())
                .isEqualTo(stay.getId());
        UserAccount leaver = users.find("leaver@example.jp");
        assertThat(leaver.isEnabled()).isFalse();
        assertThat(leaver.getDeactivatedAt()).isNotNull();
        MvcResult login = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build()
                .perform(formLogin("/login").user("leaver@example.jp").password(TestUsers.PASSWORD)).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).endsWith("/login?error");
        assertThat(login.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOf(DisabledException.class);

        users.loginAs("import-change-auditor@example.jp", Role.AUDITOR);
        assertThat(auditLog.recent(AuditAction.PEOPLE_IMPORTED, 50))
                .anyMatch(e -> "import-change@example.jp".equals(e.actor()) && e.detail().contains("deactivated 1"));
        assertThat(auditLog.recent(AuditAction.ROLE_GRANTED, 100))
                .anyMatch(e -> "stay@example.jp".equals(e.target()) && "EXAMINER".equals(e.detail()));
    }

    @Test
    void leavers_come_back_when_listed_as_active_again() {
        users.loginAs("import-back@example.jp", Role.TRAINING_ADMIN);
        String departments = csv("code,name", "BACK-A,戻り部");
        imports.confirm(imports.dryRun(new ImportRequest(bytes(departments),
                bytes(csv("email,name,department_code,status", "back@example.jp,戻る 人,BACK-A,left")), false)));
        assertThat(count("app_user WHERE email = 'back@example.jp'")).as("a leaver not yet known is skipped").isZero();
        users.create("back@example.jp", Role.LEARNER);
        imports.confirm(imports.dryRun(new ImportRequest(bytes(departments),
                bytes(csv("email,name,department_code,status", "back@example.jp,戻る 人,BACK-A,left")), false)));
        assertThat(users.find("back@example.jp").isEnabled()).isFalse();

        ImportPlan plan = imports.dryRun(new ImportRequest(null,
                bytes(csv("email,name,department_code", "back@example.jp,戻る 人,BACK-A")), false));
        imports.confirm(plan);

        assertThat(plan.changes()).first().isEqualTo(
                new PlannedChange(PlannedChange.Kind.PERSON_REACTIVATED, 2, "back@example.jp", null, null, null));
        assertThat(users.find("back@example.jp").isEnabled()).isTrue();
        assertThat(users.find("back@example.jp").getDeactivatedAt()).isNull();
    }

    @Test
    void only_with_the_option_people_missing_from_the_file_are_deactivated_but_never_system_admins_or_the_importer() {
        long importer = users.loginAs("import-missing@example.jp", Role.TRAINING_ADMIN).id();
        users.create("missing-learner@example.jp", Role.LEARNER);
        users.create("missing-sysadmin@example.jp", Role.SYSTEM_ADMIN);
        String departments = csv("code,name", "MISS-A,残留部");
        String people = csv("email,name,department_code", "present@example.jp,いる 人,MISS-A");

        ImportPlan without = imports.dryRun(new ImportRequest(bytes(departments), bytes(people), false));
        ImportPlan with = imports.dryRun(new ImportRequest(bytes(departments), bytes(people), true));

        assertThat(without.changes()).noneMatch(c -> c.kind() == PlannedChange.Kind.PERSON_DEACTIVATED);
        assertThat(with.changes()).filteredOn(c -> c.kind() == PlannedChange.Kind.PERSON_DEACTIVATED)
                .extracting(PlannedChange::subject)
                .contains("missing-learner@example.jp")
                .doesNotContain("missing-sysadmin@example.jp", "import-missing@example.jp", "present@example.jp");
        imports.confirm(with);
        assertThat(users.find("missing-learner@example.jp").isEnabled()).isFalse();
        assertThat(users.find("missing-sysadmin@example.jp").isEnabled()).isTrue();
        assertThat(count("app_user WHERE id = " + importer + " AND enabled")).isEqualTo(1);
        jdbc.sql("UPDATE app_user SET enabled = TRUE, deactivated_at = NULL").update();
    }

    @Test
    void department_codes_match_without_regard_to_case_as_the_database_compares_them() {
        users.loginAs("import-case@example.jp", Role.TRAINING_ADMIN);
        imports.confirm(imports.dryRun(new ImportRequest(bytes(csv("code,name", "CASE-A,大小部")), null, false)));

        ImportPlan plan = imports.dryRun(new ImportRequest(bytes(csv("code,name", "case-a,大小部")),
                bytes(csv("email,name,department_code", "case1@example.jp,大小 一,Case-A")), false));
        imports.confirm(plan);

        assertThat(plan.changes()).extracting(PlannedChange::kind).containsExactly(PlannedChange.Kind.PERSON_CREATED);
        assertThat(users.find("case1@example.jp").getDepartment().getCode()).isEqualTo("CASE-A");
    }

    @Test
    void when_the_database_changed_after_the_dry_run_the_confirm_applies_nothing() {
        users.loginAs("import-race@example.jp", Role.TRAINING_ADMIN);
        ImportPlan plan = imports.dryRun(new ImportRequest(bytes(csv("code,name", "RACE-A,競合部")),
                bytes(csv("email,name,department_code", "race1@example.jp,一 人,RACE-A", "race2@example.jp,二 人,RACE-A")),
                false));
        users.create("race2@example.jp", Role.LEARNER);
        String before = databaseState();

        assertThatThrownBy(() -> imports.confirm(plan)).isInstanceOf(PeopleImportException.class)
                .hasMessage("import.error.database-changed");

        assertThat(databaseState()).isEqualTo(before);
        assertThat(count("department WHERE code = 'RACE-A'")).isZero();
        assertThat(count("app_user WHERE email = 'race1@example.jp'")).isZero();
    }

    @Test
    void a_person_is_deactivated_and_reactivated_by_hand_but_not_oneself() {
        long admin = users.loginAs("hand-admin@example.jp", Role.TRAINING_ADMIN).id();
        long id = users.create("hand-leaver@example.jp", Role.LEARNER);

        administration.deactivate(id);
        assertThat(users.find("hand-leaver@example.jp").isEnabled()).isFalse();
        assertThat(administration.users()).filteredOn(u -> u.id() == id).singleElement()
                .satisfies(u -> assertThat(u.active()).isFalse());
        administration.reactivate(id);

        assertThat(users.find("hand-leaver@example.jp").isEnabled()).isTrue();
        assertThatThrownBy(() -> administration.deactivate(admin)).isInstanceOf(UserAdministrationException.class)
                .hasMessage("users.error.deactivate-self");
        long sysadmin = users.create("hand-sysadmin@example.jp", Role.SYSTEM_ADMIN);
        assertThatThrownBy(() -> administration.deactivate(sysadmin)).isInstanceOf(UserAdministrationException.class)
                .hasMessage("users.error.system-admin-only");
    }

    @Test
    void other_roles_are_refused_by_the_import_service_itself() {
        ImportRequest request = new ImportRequest(bytes(csv("code,name", "DENY-A,拒否部")), null, false);
        users.loginAs("deny-setup@example.jp", Role.TRAINING_ADMIN);
        ImportPlan plan = imports.dryRun(request);
        for (Role role : Set.of(Role.LEARNER, Role.EXAMINER, Role.CANDIDATE, Role.AUDITOR, Role.PRIVACY_OFFICER,
                Role.SYSTEM_ADMIN)) {
            users.loginAs("deny-" + role.name().toLowerCase() + "@example.jp", role);

            assertThatThrownBy(() -> imports.dryRun(request)).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> imports.confirm(plan)).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
        }
        for (Role role : Set.of(Role.LEARNER, Role.EXAMINER, Role.CANDIDATE, Role.AUDITOR, Role.PRIVACY_OFFICER)) {
            users.loginAs("deny-" + role.name().toLowerCase() + "@example.jp", role);
            assertThatThrownBy(() -> administration.deactivate(1L)).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> administration.reactivate(1L)).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
        }
        assertThat(count("department WHERE code = 'DENY-A'")).isZero();
    }

    private void assertProblem(String departments, String people, ImportProblem expected) {
        ImportPlan plan = imports.dryRun(new ImportRequest(departments == null ? null : bytes(departments),
                people == null ? null : bytes(people), false));
        assertThat(plan.problems()).as(expected.messageKey()).contains(expected);
        assertThat(plan.confirmable()).isFalse();
        assertThatThrownBy(() -> imports.confirm(plan)).isInstanceOf(PeopleImportException.class);
    }

    /** Row counts of the tables an import writes, and how many people are active. */
    private String databaseState() {
        return count("department") + "/" + count("app_user") + "/" + count("user_role") + "/"
                + count("app_user WHERE enabled") + "/" + count("department WHERE manager_user_id IS NOT NULL");
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("SELECT COUNT(*) FROM " + tableAndCondition).query(Long.class).single();
    }

    private static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bom(String text) {
        byte[] utf8 = bytes(text);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        return withBom;
    }
}
