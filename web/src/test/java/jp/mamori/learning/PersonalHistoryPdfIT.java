package jp.mamori.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import jp.mamori.evidence.EvidenceEntry;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;

/** A learner's own history as a PDF: their records, readable Japanese, and only their own. */
@MamoriIntegrationTest
class PersonalHistoryPdfIT {

    @Autowired
    PersonalHistoryPdf pdf;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    TestUsers users;


    @Test
    void the_pdf_lists_the_persons_records_with_deck_titles_in_japanese() throws Exception {
        long id = users.loginAs("history-pdf@example.jp", Role.LEARNER).id();
        ledger.append(new EvidenceEntry("CHECK_RESULT", id, "history-pdf@example.jp", "history-pdf@example.jp",
                "deck:incident-trends", "1", "PASSED", new BigDecimal("80"), Map.of("attempt", 1), null));
        ledger.append(new EvidenceEntry("DECK_COMPLETED", id, "history-pdf@example.jp", "history-pdf@example.jp",
                "deck:incident-trends", "1", "COMPLETED", new BigDecimal("80"), Map.of("attempt", 1), null));
        users.loginAs("other-person@example.jp", Role.LEARNER);
        long other = users.loginAs("other-person@example.jp", Role.LEARNER).id();
        ledger.append(new EvidenceEntry("CHECK_RESULT", other, "other-person@example.jp", "other-person@example.jp",
                "deck:pms-and-you", "1", "FAILED", new BigDecimal("20"), Map.of(), null));
        users.loginAs("history-pdf@example.jp", Role.LEARNER);

        byte[] bytes = pdf.mine(Locale.JAPANESE);

        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(bytes);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("教育・確認・誓約の記録", "history-pdf@example.jp", "個人情報の事故の傾向", "受講完了", "合格");
        assertThat(text).doesNotContain("other-person@example.jp").doesNotContain("PMSとあなたの役割");
        reader.close();
    }

    @Test
    void the_office_prints_anyones_history_naming_the_reader_and_the_chain_head_and_a_learner_cannot() throws Exception {
        long id = users.loginAs("history-any@example.jp", Role.LEARNER).id();
        ledger.append(new EvidenceEntry("DECK_COMPLETED", id, "history-any@example.jp", "history-any@example.jp",
                "deck:pms-and-you", "1", "COMPLETED", new BigDecimal("100"), Map.of(), null));
        users.loginAs("history-nosy@example.jp", Role.LEARNER);
        assertThatThrownBy(() -> pdf.of(id, "x", Locale.JAPANESE))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);

        users.loginAs("history-auditor@example.jp", Role.AUDITOR);
        String text = new PdfTextExtractor(new PdfReader(pdf.of(id, "記録 太郎 <history-any@example.jp>", Locale.JAPANESE))).getTextFromPage(1);

        assertThat(text).contains("記録 太郎 <history-any@example.jp>", "PMSとあなたの役割", "Test history-auditor@example.jp",
                "#" + ledger.head().seq());
    }

    @Test
    void nobody_downloads_a_history_without_being_logged_in() {
        TestUsers.logout();

        assertThatThrownBy(() -> pdf.mine(Locale.JAPANESE))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }
}
