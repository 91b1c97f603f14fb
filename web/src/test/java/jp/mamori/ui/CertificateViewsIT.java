package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import com.vaadin.flow.server.VaadinRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import jp.mamori.certification.Certificate;
import jp.mamori.certification.CertificateCode;
import jp.mamori.certification.CertificateVerifier;
import jp.mamori.certification.Certificates;
import jp.mamori.certification.VerificationResult;
import jp.mamori.certification.ui.CertificatesAdminView;
import jp.mamori.certification.ui.MyCertificatesView;
import jp.mamori.certification.ui.VerifyView;
import jp.mamori.exam.TestAttempts;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import jp.mamori.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Certificates in the UI: the candidate's list, the public verification page, revocation by the training administrator. */
class CertificateViewsIT extends MamoriBrowserlessTest {

    /** Each test looks codes up in a minute of its own, so the rate limit of one never reaches the next. */
    private static final AtomicInteger MINUTES = new AtomicInteger();
    private static final String NOT_FOUND = "この証明書番号の合格証は見つかりません。番号を確かめて、もう一度入力してください。";

    @Autowired
    TestUsers users;
    @Autowired
    TestAttempts exams;
    @Autowired
    Certificates certificates;
    @Autowired
    CertificateVerifier verifier;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void ownMinute() {
        clock.advance(Duration.ofMinutes(5L * MINUTES.incrementAndGet()));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_candidate_sees_the_certificate_with_status_code_and_download() {
        Certificate certificate = passAs("ui-cert-mine@example.jp");

        navigate(MyCertificatesView.class);

        assertThat($view(H3.class).withText("個人情報保護力量検定 スタンダード").all()).hasSize(1);
        assertThat($view(Span.class).withText("有効").all()).hasSize(1);
        assertThat($view(Paragraph.class).all()).filteredOn(p -> p.getElement().getTextRecursively()
                .equals("証明書番号: " + certificate.shownCode())).hasSize(1);
        Anchor download = $view(Anchor.class).withText("PDFをダウンロード").single();
        assertThat(download.getElement().getAttribute("aria-label")).isEqualTo("合格証のPDFをダウンロード: 個人情報保護力量検定 スタンダード");
        assertThat($view(Anchor.class).withText("検証ページを開く").single().getHref()).isEqualTo("verify/" + certificate.shownCode());
    }

    @Test
    void the_verification_page_shows_a_valid_certificate_with_nothing_but_name_exam_dates_and_status() {
        Certificate certificate = passAs("ui-cert-valid@example.jp");
        TestUsers.logout();

        navigate(VerifyView.class, certificate.shownCode().toLowerCase());

        String text = resultText();
        assertThat(text).contains("この証明書番号の合格証が見つかりました。", "氏名: Test ui-cert-valid@example.jp",
                "試験区分: 個人情報保護力量検定 スタンダード", "発行日: ", "有効期限: ", "状態: 有効");
        assertThat(text).doesNotContain("100", "得点", "@example.jp>", "ui-cert-valid@example.jp ");
        assertThat($view(TextField.class).single().getValue()).isEqualTo(certificate.shownCode().toLowerCase());
    }

    @Test
    void an_uploaded_open_badges_credential_is_checked_on_the_public_page_and_a_bad_file_says_why() {
        Certificate certificate = passAs("ui-cert-badge@example.jp");
        byte[] credential = certificates.openBadge(certificate.id()).getBytes(StandardCharsets.US_ASCII);
        TestUsers.logout();
        navigate(VerifyView.class);

        test($view(Upload.class).single()).upload("badge.jwt", "application/vc+jwt", credential);
        String valid = resultText();
        test($view(Upload.class).single()).upload("notes.txt", "text/plain", "not a credential".getBytes(StandardCharsets.UTF_8));
        String malformed = resultText();

        assertThat(valid).contains("署名は有効です。", "氏名: Test ui-cert-badge@example.jp", "状態: 有効").doesNotContain("100");
        assertThat(malformed).isEqualTo("このファイルは電子証明書として読めません。合格証の電子証明書ファイル(.jwt)を選んでください。");
    }

    @Test
    void a_candidate_is_offered_the_certificate_as_an_open_badges_credential() {
        passAs("ui-cert-badge-link@example.jp");

        navigate(MyCertificatesView.class);

        Anchor badge = $view(Anchor.class).withText("Open Badges形式でダウンロード").single();
        assertThat(badge.getElement().getAttribute("aria-label"))
                .isEqualTo("合格証をOpen Badges 3.0の電子証明書としてダウンロード: 個人情報保護力量検定 スタンダード");
        assertThat(badge.getElement().hasAttribute("download")).isTrue();
    }

    @Test
    void the_verification_page_shows_expired_and_revoked_certificates_as_such() {
        Certificate expiring = passAs("ui-cert-expired@example.jp");
        Certificate revoking = passAs("ui-cert-revoked@example.jp");
        users.loginAs("ui-cert-revoker@example.jp", Role.TRAINING_ADMIN);
        certificates.revoke(revoking.id(), "不正受験が判明したため");
        TestUsers.logout();

        navigate(VerifyView.class, revoking.shownCode());
        String revoked = resultText();
        clock.advance(Duration.between(clock.instant(), expiring.expiresAt()).plusSeconds(1));
        navigate(VerifyView.class, expiring.shownCode());
        String expired = resultText();

        assertThat(revoked).contains("状態: 取消済み", "取消日: ").doesNotContain("不正受験");
        assertThat(expired).contains("状態: 有効期限切れ").doesNotContain("取消日");
    }

    @Test
    void unknown_and_altered_codes_show_exactly_the_same_page() {
        Certificate certificate = passAs("ui-cert-tampered@example.jp");
        TestUsers.logout();

        navigate(VerifyView.class, CertificateCode.grouped(CertificateCode.normalise("0000-0000-0000-0000-0000").orElseThrow()));
        String unknown = getCurrentView().getElement().getTextRecursively();
        navigate(VerifyView.class, altered(certificate.shownCode()));
        String tampered = getCurrentView().getElement().getTextRecursively();
        navigate(VerifyView.class, "no-such-thing");
        String malformed = getCurrentView().getElement().getTextRecursively();

        assertThat(resultText()).isEqualTo(NOT_FOUND);
        assertThat(tampered).isEqualTo(unknown).isEqualTo(malformed).contains(NOT_FOUND);
    }

    @Test
    void a_code_typed_into_the_field_is_checked_and_too_many_checks_are_refused_with_a_time_to_come_back() {
        Certificate certificate = passAs("ui-cert-typed@example.jp");
        TestUsers.logout();
        navigate(VerifyView.class);

        test($view(TextField.class).single()).setValue(certificate.code().toLowerCase());
        test($view(Button.class).withText("確認する").single()).click();
        assertThat(resultText()).contains("状態: 有効");
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? null : request.getRemoteAddr();
        // Use up this minute's lookups for the page's own address (the limit is 20 a minute).
        for (int i = 0; i < 25 && !(verifier.verify("0000", address) instanceof VerificationResult.Limited); i++) {
            assertThat(i).as("lookups before the limit").isLessThan(20);
        }
        test($view(Button.class).withText("確認する").single()).click();

        assertThat(resultText()).startsWith("確認の回数が多すぎます。").contains("(日本時間)以降にもう一度お試しください。")
                .doesNotContain("Test ui-cert-typed");
    }

    @Test
    void the_training_admin_revokes_only_with_a_reason() {
        Certificate certificate = passAs("ui-cert-admin-revoke@example.jp");
        users.loginAs("ui-cert-admin@example.jp", Role.TRAINING_ADMIN);
        navigate(CertificatesAdminView.class);
        test($view(TextField.class).single()).setValue("ui-cert-admin-revoke");
        @SuppressWarnings("unchecked")
        Grid<Certificate> grid = $view(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(1);
        Button revoke = (Button) test(grid).getCellComponent(0, 6);
        assertThat(revoke.getElement().getAttribute("aria-label")).isEqualTo("合格証を取り消す: Test ui-cert-admin-revoke@example.jp");

        test(revoke).click();
        Dialog dialog = $(Dialog.class).single();
        test($(Button.class).from(dialog).withText("取り消す").single()).click();

        TextArea reason = $(TextArea.class).from(dialog).single();
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("取り消しの理由を入力してください。");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(statusOf(certificate)).isNull();

        test(reason).setValue("受験資格の不備");
        test($(Button.class).from(dialog).withText("取り消す").single()).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(statusOf(certificate)).isEqualTo("受験資格の不備");
        assertThat(((Button) test(grid).getCellComponent(0, 6)).isEnabled()).as("revoking twice").isFalse();
    }

    @Test
    void privacy_officers_and_auditors_read_the_list_without_the_revoke_action() {
        passAs("ui-cert-readonly@example.jp");
        for (Role role : new Role[] {Role.PRIVACY_OFFICER, Role.AUDITOR}) {
            users.loginAs("ui-cert-" + role.name().toLowerCase() + "@example.jp", role);

            navigate(CertificatesAdminView.class);

            @SuppressWarnings("unchecked")
            Grid<Certificate> grid = $view(Grid.class).single();
            assertThat(grid.getColumns()).as(role.name()).hasSize(6);
            assertThat(test(grid).size()).isPositive();
            assertThat($view(Paragraph.class).withText("閲覧のみです。合格証の取り消しは教育責任者が行います。").all()).hasSize(1);
        }
    }

    private Certificate passAs(String email) {
        users.loginAs(email, Role.CANDIDATE);
        exams.pass();
        return certificates.mine().getFirst();
    }

    private String statusOf(Certificate certificate) {
        users.loginAs("ui-cert-reader@example.jp", Role.AUDITOR);
        String reason = certificates.all().stream().filter(c -> c.id() == certificate.id()).findFirst().orElseThrow().revokedReason();
        users.loginAs("ui-cert-admin@example.jp", Role.TRAINING_ADMIN);
        return reason;
    }

    private String resultText() {
        return $view(Div.class).withClassName("mamori-verify-result").single().getElement().getTextRecursively();
    }

    private static String altered(String shownCode) {
        char first = shownCode.charAt(0);
        return (first == '7' ? '8' : '7') + shownCode.substring(1);
    }
}
