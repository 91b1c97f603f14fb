package jp.mamori.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.mamori.exam.TestAttempts;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.shared.Sha256;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.support.MutableClock;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Open Badges 3.0 credentials of certificates: what is signed, and what the public check says of good and bad files. */
@MamoriIntegrationTest
class OpenBadgesIT {

    /** Each test checks from an address of its own, so the rate limit of one never reaches another. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    Certificates certificates;
    @Autowired
    CertificateVerifier verifier;
    @Autowired
    OpenBadgeCredentials credentials;
    @Autowired
    VerificationUrls urls;
    @Autowired
    TestAttempts exams;
    @Autowired
    TestUsers users;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    private final String address = "203.0.113." + ADDRESSES.incrementAndGet();

    @AfterEach
    void reset() {
        clock.reset();
        TestUsers.logout();
    }

    @Test
    void a_passed_certificate_downloads_as_an_open_badges_credential_signed_with_the_installations_ed25519_key() throws Exception {
        Certificate certificate = passAs("badge-valid@example.jp");

        String jws = certificates.openBadge(certificate.id());

        JWSObject parsed = JWSObject.parse(jws);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(parsed.getHeader().getType()).isEqualTo(new JOSEObjectType("vc+jwt"));
        assertThat(parsed.getHeader().getKeyID()).isEqualTo(urls.base() + "/badges/keys/" + BadgeSigningKey.thumbprint(rawKey()));
        assertThat(verifiedByBouncyCastle(parsed, OctetKeyPair.parse(credentials.jwk()))).isTrue();
        Map<String, Object> vc = parsed.getPayload().toJSONObject();
        assertThat(vc.get("@context")).isEqualTo(List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        assertThat(vc.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        assertThat(vc.get("validFrom")).isEqualTo(certificate.issuedAt().toString());
        assertThat(vc.get("validUntil")).isEqualTo(certificate.expiresAt().toString());
        assertThat(map(vc, "issuer")).containsEntry("id", urls.base() + "/badges/issuer").containsEntry("name", "Mamori")
                .containsEntry("url", urls.base());
        assertThat(map(vc, "credentialStatus")).containsEntry("id", urls.of(certificate.code()));
        Map<String, Object> subject = map(vc, "credentialSubject");
        Map<String, Object> achievement = map(subject, "achievement");
        assertThat((String) achievement.get("name")).contains(certificate.examNameJa(), certificate.examNameEn());
        assertThat(map(achievement, "criteria").get("narrative")).asString().contains("合格点", "pass mark");
        @SuppressWarnings("unchecked")
        Map<String, Object> identity = ((List<Map<String, Object>>) subject.get("identifier")).getFirst();
        assertThat(identity).containsEntry("type", "IdentityObject").containsEntry("identityType", "emailAddress")
                .containsEntry("hashed", true);
        assertThat(identity.get("identityHash")).isEqualTo("sha256$" + Sha256.hex(("badge-valid@example.jp" + identity.get("salt"))
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(jws).doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString("badge-valid@".getBytes(StandardCharsets.UTF_8)));

        VerificationResult checked = verifier.verifyCredential(jws.getBytes(StandardCharsets.US_ASCII), address);

        assertThat(checked).isEqualTo(verifier.verify(certificate.code(), address));
        assertThat(checked).isInstanceOfSatisfying(VerificationResult.Found.class,
                found -> assertThat(found.certificate().status()).isEqualTo(CertificateStatus.VALID));
    }

    @Test
    void a_credential_past_its_expiry_is_shown_as_expired() {
        Certificate certificate = passAs("badge-expired@example.jp");
        byte[] jws = certificates.openBadge(certificate.id()).getBytes(StandardCharsets.US_ASCII);

        clock.advance(Duration.between(clock.instant(), certificate.expiresAt()).plusMinutes(1));

        assertThat(status(verifier.verifyCredential(jws, address))).isEqualTo(CertificateStatus.EXPIRED);
    }

    @Test
    void a_credential_of_a_revoked_certificate_is_shown_as_revoked_and_no_new_one_is_handed_out() {
        Certificate certificate = passAs("badge-revoked@example.jp");
        byte[] jws = certificates.openBadge(certificate.id()).getBytes(StandardCharsets.US_ASCII);
        users.loginAs("badge-admin@example.jp", Role.TRAINING_ADMIN);
        certificates.revoke(certificate.id(), "不正受験が判明したため");

        assertThat(status(verifier.verifyCredential(jws, address))).isEqualTo(CertificateStatus.REVOKED);
        users.loginAs("badge-revoked@example.jp", Role.CANDIDATE);
        assertThatThrownBy(() -> certificates.openBadge(certificate.id()))
                .isInstanceOfSatisfying(CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("certificate.error.revoked"));
    }

    @Test
    void one_changed_character_in_the_payload_breaks_the_signature() {
        Certificate certificate = passAs("badge-tampered@example.jp");
        String[] parts = certificates.openBadge(certificate.id()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replace(certificate.expiresAt().toString(),
                certificate.expiresAt().toString().replaceFirst("^20", "29"));
        assertThat(changed).isNotEqualTo(payload);

        String forged = parts[0] + "." + base64Url(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(verifier.verifyCredential(forged.getBytes(StandardCharsets.US_ASCII), address))
                .isEqualTo(new VerificationResult.Rejected(CredentialProblem.TAMPERED));
    }

    @Test
    void a_credential_signed_with_another_key_is_refused() throws Exception {
        Certificate certificate = passAs("badge-forged@example.jp");
        String[] parts = certificates.openBadge(certificate.id()).split("\\.");
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String otherHeader = base64Url(("{\"alg\":\"EdDSA\",\"kid\":\"https://issuer.example/keys/1\",\"typ\":\"vc+jwt\"}")
                .getBytes(StandardCharsets.UTF_8));

        String ownKid = signed(parts[0], parts[1], other);
        String otherKid = signed(otherHeader, parts[1], other);

        assertThat(verifier.verifyCredential(ownKid.getBytes(StandardCharsets.US_ASCII), address))
                .as("our key named, another key used").isEqualTo(new VerificationResult.Rejected(CredentialProblem.TAMPERED));
        assertThat(verifier.verifyCredential(otherKid.getBytes(StandardCharsets.US_ASCII), address))
                .as("another key named").isEqualTo(new VerificationResult.Rejected(CredentialProblem.NOT_OURS));
    }

    @Test
    void garbage_and_oversized_files_are_refused_without_being_believed() {
        byte[] oversized = new byte[OpenBadgeCredentials.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(oversized, (byte) 'a');

        assertThat(verifier.verifyCredential("%PDF-1.7 binary".getBytes(StandardCharsets.UTF_8), address))
                .isEqualTo(new VerificationResult.Rejected(CredentialProblem.MALFORMED));
        assertThat(verifier.verifyCredential("{\"type\":\"OpenBadgeCredential\"}".getBytes(StandardCharsets.UTF_8), address))
                .isEqualTo(new VerificationResult.Rejected(CredentialProblem.MALFORMED));
        assertThat(verifier.verifyCredential("e30.e30.AAAA".getBytes(StandardCharsets.UTF_8), address))
                .as("a JWS of empty objects").isEqualTo(new VerificationResult.Rejected(CredentialProblem.NOT_OURS));
        assertThat(verifier.verifyCredential("bm90IGpzb24.e30.AAAA".getBytes(StandardCharsets.UTF_8), address))
                .as("a header that is not JSON").isEqualTo(new VerificationResult.Rejected(CredentialProblem.MALFORMED));
        assertThat(verifier.verifyCredential(oversized, address)).isEqualTo(new VerificationResult.Rejected(CredentialProblem.TOO_LARGE));
    }

    @Test
    void only_the_holder_downloads_a_credential() {
        Certificate certificate = passAs("badge-holder@example.jp");

        users.loginAs("badge-other@example.jp", Role.CANDIDATE);
        assertThatThrownBy(() -> certificates.openBadge(certificate.id()))
                .isInstanceOfSatisfying(CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("certificate.error.unknown"));
        for (Role role : List.of(Role.TRAINING_ADMIN, Role.AUDITOR, Role.LEARNER)) {
            users.loginAs("badge-" + role.name().toLowerCase() + "@example.jp", role);
            assertThatThrownBy(() -> certificates.openBadge(certificate.id())).as(role.name())
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    @Test
    void without_a_configured_secret_the_key_is_generated_once_and_kept_as_is() {
        String kid = credentials.keyUrl();

        assertThat(credentials.keyUrl()).isEqualTo(kid);
        assertThat(jdbc.sql("SELECT protection FROM signing_key WHERE purpose = 'open-badges'").query(String.class).single())
                .isEqualTo("none");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM signing_key").query(Integer.class).single()).isOne();
    }

    static boolean verifiedByBouncyCastle(JWSObject jws, OctetKeyPair jwk) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(false, new Ed25519PublicKeyParameters(jwk.getDecodedX(), 0));
        byte[] input = jws.getSigningInput();
        signer.update(input, 0, input.length);
        return signer.verifySignature(jws.getSignature().decode());
    }

    private byte[] rawKey() {
        return jdbc.sql("SELECT public_key FROM signing_key WHERE purpose = 'open-badges'").query(byte[].class).single();
    }

    private static String signed(String header, String payload, java.security.KeyPair key) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key.getPrivate());
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + base64Url(signature.sign());
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static CertificateStatus status(VerificationResult result) {
        assertThat(result).isInstanceOf(VerificationResult.Found.class);
        return ((VerificationResult.Found) result).certificate().status();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }

    private Certificate passAs(String email) {
        users.loginAs(email, Role.CANDIDATE);
        exams.pass();
        return certificates.mine().getFirst();
    }

}
