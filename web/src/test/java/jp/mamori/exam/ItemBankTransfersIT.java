package jp.mamori.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditEntry;
import jp.mamori.evidence.AuditLog;
import jp.mamori.identity.TestUsers;
import jp.mamori.questionbank.ContentPackage;
import jp.mamori.questionbank.Imported;
import jp.mamori.questionbank.ItemYaml;
import jp.mamori.questionbank.MoodleXmlImporter;
import jp.mamori.questionbank.Problem;
import jp.mamori.questionbank.QtiImporter;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The question bank leaves as QTI 3.0, QTI 2.1 or Moodle XML (audited), and uploads are checked without being stored. */
@MamoriIntegrationTest
class ItemBankTransfersIT {

    @Autowired
    ItemBankTransfers transfers;
    @Autowired
    ItemBanks banks;
    @Autowired
    AuditLog auditLog;
    @Autowired
    TestUsers users;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void each_export_holds_the_live_bank_with_its_keys_and_is_recorded_in_the_audit_log() {
        users.loginAs("transfer-export@example.jp", Role.TRAINING_ADMIN);
        String bank = ItemYaml.write(banks.bank("competency"));

        BankFile qti30 = transfers.export("competency", BankFormat.QTI_30);
        BankFile qti21 = transfers.export("competency", BankFormat.QTI_21);
        BankFile moodle = transfers.export("competency", BankFormat.MOODLE_XML);

        assertThat(qti30.fileName()).isEqualTo("mamori-competency-qti30.zip");
        assertThat(ItemYaml.write(unpack(qti30).items())).isEqualTo(bank);
        assertThat(ItemYaml.write(unpack(qti21).items())).isEqualTo(bank);
        assertThat(moodle.mimeType()).isEqualTo("application/xml");
        assertThat(new MoodleXmlImporter().read(moodle.fileName(), new String(moodle.content(), StandardCharsets.UTF_8), LocalDate.now())
                .items()).hasSize(banks.bank("competency").size());
        users.loginAs("transfer-auditor@example.jp", Role.AUDITOR);
        assertThat(auditLog.recent(AuditAction.ANSWER_KEY_EXPORTED, 10)).filteredOn(e -> "transfer-export@example.jp".equals(e.actor()))
                .extracting(AuditEntry::detail).containsExactlyInAnyOrder(
                        "QTI_30, " + banks.bank("competency").size() + " items with their keys",
                        "QTI_21, " + banks.bank("competency").size() + " items with their keys",
                        "MOODLE_XML, " + banks.bank("competency").size() + " items with their keys");
    }

    @Test
    void an_exported_package_uploaded_again_previews_every_item_as_already_in_the_bank_and_offers_the_yaml() {
        users.loginAs("transfer-preview@example.jp", Role.TRAINING_ADMIN);
        BankFile qti = transfers.export("competency", BankFormat.QTI_21);

        ImportPreview preview = transfers.preview("competency", qti.fileName(), qti.content());

        assertThat(preview.problems()).isEmpty();
        assertThat(preview.items()).hasSize(banks.bank("competency").size())
                .allSatisfy(i -> assertThat(i.versionInBank()).isEqualTo(i.item().version()));
        assertThat(preview.yaml()).hasValueSatisfying(yaml -> {
            assertThat(yaml.fileName()).isEqualTo("mamori-competency-qti21.yaml");
            assertThat(new String(yaml.content(), StandardCharsets.UTF_8)).isEqualTo(ItemYaml.write(banks.bank("competency")));
        });
    }

    @Test
    void an_upload_with_a_problem_lists_it_by_file_and_line_and_offers_nothing_to_add() {
        users.loginAs("transfer-broken@example.jp", Role.TRAINING_ADMIN);
        String moodle = """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                  <question type="essay">
                    <name><text>explain</text></name>
                    <questiontext><text>説明せよ。</text></questiontext>
                  </question>
                  <question type="multichoice">
                    <name><text>keyless</text></name>
                    <questiontext><text>問題</text></questiontext>
                    <answer fraction="0"><text>一</text></answer>
                    <answer fraction="0"><text>二</text></answer>
                    <answer fraction="0"><text>三</text></answer>
                  </question>
                </quiz>
                """;

        ImportPreview xml = transfers.preview("competency", "from-moodle.xml", moodle.getBytes(StandardCharsets.UTF_8));
        ImportPreview notZip = transfers.preview("competency", "package.zip", "PK\3\4 broken".getBytes(StandardCharsets.ISO_8859_1));
        ImportPreview nothing = transfers.preview("competency", "empty.xml", "<quiz/>".getBytes(StandardCharsets.UTF_8));

        assertThat(xml.problems()).containsExactly("from-moodle.xml:7: keyless: no answer has a positive fraction",
                "from-moodle.xml:3: explain: essay questions are not supported");
        assertThat(xml.yaml()).isEmpty();
        assertThat(notZip.problems()).singleElement().asString().startsWith("package.zip: ");
        assertThat(nothing.problems()).containsExactly(
                "empty.xml: no questions found: upload a QTI package (zip with imsmanifest.xml) or a Moodle XML file");
    }

    @Test
    void only_the_training_administrator_exports_or_checks_questions() {
        for (Role role : Role.values()) {
            users.loginAs("transfer-" + role.name().toLowerCase() + "@example.jp", role);
            List<Runnable> calls = List.of(() -> transfers.banks(), () -> transfers.export("competency", BankFormat.MOODLE_XML),
                    () -> transfers.preview("competency", "x.xml", "<quiz/>".getBytes(StandardCharsets.UTF_8)));
            for (Runnable call : calls) {
                if (role == Role.TRAINING_ADMIN) {
                    assertThatCode(call::run).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(call::run).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
                }
            }
        }
    }

    private static Imported unpack(BankFile zip) {
        List<Problem> problems = new ArrayList<>();
        Map<String, byte[]> files = ContentPackage.unzip(zip.fileName(), zip.content(), problems).orElseThrow();
        Imported imported = new QtiImporter().read(files, LocalDate.now());
        assertThat(problems).isEmpty();
        assertThat(imported.problems()).isEmpty();
        return imported;
    }
}
