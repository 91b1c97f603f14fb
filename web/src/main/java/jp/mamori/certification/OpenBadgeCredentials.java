package jp.mamori.certification;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.mamori.shared.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A certificate as an Open Badges 3.0 credential: a W3C Verifiable Credential ({@code OpenBadgeCredential}) secured
 * as a VC-JOSE-COSE compact JWS ({@code typ: vc+jwt}, EdDSA with the installation's Ed25519 key), and the check of
 * such a file when someone brings one back. The holder is named by a salted SHA-256 hash of their e-mail address
 * (an OB {@code IdentityObject}), the dates are the certificate's issue and expiry, and the credential's status is
 * the public verification page of its code. See docs/decisions/0016.
 */
@Component
class OpenBadgeCredentials {

    static final int MAX_FILE_BYTES = 64 * 1024;
    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.shared();

    private final BadgeSigningKey key;
    private final VerificationUrls urls;
    private final String issuerName;

    OpenBadgeCredentials(BadgeSigningKey key, VerificationUrls urls, @Value("${mamori.badge.issuer-name:Mamori}") String issuerName) {
        this.key = key;
        this.urls = urls;
        this.issuerName = issuerName;
    }

    /** The signed credential of a certificate held by the owner of {@code holderEmail}: compact JWS text. */
    String issue(Certificate certificate, String holderEmail) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("kid", keyUrl());
        header.put("typ", "vc+jwt");
        header.put("cty", "vc");
        String signingInput = encode(header) + "." + encode(credential(certificate, holderEmail));
        return signingInput + "." + BadgeSigningKey.base64Url(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    Map<String, Object> credential(Certificate certificate, String holderEmail) {
        ResourceBundle ja = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.JAPANESE);
        ResourceBundle en = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ENGLISH);
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", "sha256$" + Sha256.hex((normalisedEmail(holderEmail) + salt).getBytes(StandardCharsets.UTF_8)));
        identity.put("identityType", "emailAddress");
        identity.put("hashed", true);
        identity.put("salt", salt);
        String name = certificate.examNameJa() + " / " + certificate.examNameEn();
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", urls.base() + "/badges/achievements/" + certificate.examId());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Certificate");
        achievement.put("name", name);
        achievement.put("description", ja.getString("badge.description") + "\n" + en.getString("badge.description"));
        achievement.put("criteria", Map.of("narrative", ja.getString("badge.criteria") + "\n\n" + en.getString("badge.criteria")));
        achievement.put("inLanguage", "ja");
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(identity));
        subject.put("achievement", achievement);
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        credential.put("id", "urn:uuid:" + UUID.nameUUIDFromBytes((urls.base() + "/certificates/" + certificate.code())
                .getBytes(StandardCharsets.UTF_8)));
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("issuer", issuerProfile());
        credential.put("validFrom", certificate.issuedAt().toString());
        credential.put("validUntil", certificate.expiresAt().toString());
        credential.put("name", name);
        credential.put("credentialSubject", subject);
        credential.put("credentialStatus", Map.of("id", urls.of(certificate.code()), "type", "MamoriCertificateStatus"));
        return credential;
    }

    /** The OB 3.0 issuer profile, also served at its own id so that the id resolves. */
    Map<String, Object> issuerProfile() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", urls.base() + "/badges/issuer");
        profile.put("type", List.of("Profile"));
        profile.put("name", issuerName);
        profile.put("url", urls.base());
        return profile;
    }

    /** Where the public key is published as a JWK; it is also the JWS {@code kid}, as OB 3.0 asks. */
    String keyUrl() {
        return urls.base() + "/badges/keys/" + key.thumbprint();
    }

    /** The key as a JWK with its {@code kid}. */
    Map<String, Object> jwk() {
        Map<String, Object> jwk = new LinkedHashMap<>(key.publicJwk());
        jwk.put("kid", keyUrl());
        return jwk;
    }

    /**
     * Reads an uploaded file as a credential of this installation: the canonical certificate code it is about, or the
     * problem that stops it. The signature is checked before anything in the payload is believed.
     */
    Check check(byte[] file) {
        if (file.length > MAX_FILE_BYTES) {
            return Check.refused(CredentialProblem.TOO_LARGE);
        }
        String text = new String(file, StandardCharsets.UTF_8).strip();
        if (!COMPACT_JWS.matcher(text).matches()) {
            return Check.refused(CredentialProblem.MALFORMED);
        }
        String[] parts = text.split("\\.");
        JsonNode header;
        byte[] signature;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (JacksonException | IllegalArgumentException e) {
            return Check.refused(CredentialProblem.MALFORMED);
        }
        if (!header.isObject()) {
            return Check.refused(CredentialProblem.MALFORMED);
        }
        if (!header.path("alg").asString("").equals("EdDSA") || !header.path("kid").asString("").equals(keyUrl())) {
            return Check.refused(CredentialProblem.NOT_OURS);
        }
        if (!key.verify((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature)) {
            return Check.refused(CredentialProblem.TAMPERED);
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String status = payload.path("credentialStatus").path("id").asString("");
            String prefix = urls.base() + "/verify/";
            if (!status.startsWith(prefix)) {
                return Check.refused(CredentialProblem.NOT_OURS);
            }
            return CertificateCode.normalise(status.substring(prefix.length())).map(Check::of)
                    .orElseGet(() -> Check.refused(CredentialProblem.NOT_OURS));
        } catch (JacksonException | IllegalArgumentException e) {
            return Check.refused(CredentialProblem.MALFORMED);
        }
    }

    private static String encode(Map<String, Object> json) {
        return BadgeSigningKey.base64Url(JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
    }

    /** OB 3.0 hashes the address as given; Mamori gives it trimmed and in lower case, as accounts store it. */
    static String normalisedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The certificate code a credential is about, or why it is refused. */
    record Check(String code, CredentialProblem problem) {

        static Check of(String code) {
            return new Check(code, null);
        }

        static Check refused(CredentialProblem problem) {
            return new Check(null, problem);
        }
    }
}
