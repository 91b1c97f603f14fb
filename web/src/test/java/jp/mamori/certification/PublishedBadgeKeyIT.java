package jp.mamori.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import jp.mamori.exam.TestAttempts;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.ClearSecurityContext;
import jp.mamori.support.TestClockConfiguration;
import jp.mamori.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A third party's view: the running server publishes the signing key over HTTP to anyone, and a credential verifies
 * with that key through an independent JOSE reader (Nimbus) and Ed25519 implementation (BouncyCastle). This server
 * has a key secret configured, so its private key is stored encrypted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mamori.badge.key-secret=test-secret-for-the-badge-key")
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClockConfiguration.class)
@TestExecutionListeners(listeners = ClearSecurityContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class PublishedBadgeKeyIT {

    @LocalServerPort
    int port;
    @Autowired
    Certificates certificates;
    @Autowired
    TestAttempts exams;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void a_credential_verifies_with_the_key_fetched_from_the_well_known_key_set_and_from_its_kid() throws Exception {
        users.loginAs("badge-http@example.jp", Role.CANDIDATE);
        exams.pass();
        JWSObject jws = JWSObject.parse(certificates.openBadge(certificates.mine().getFirst().id()));
        TestUsers.logout();

        HttpResponse<String> set = get("/.well-known/jwks.json");
        String kid = jws.getHeader().getKeyID();
        HttpResponse<String> single = get(URI.create(kid).getPath());

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/jwk-set+json"));
        OctetKeyPair fromSet = (OctetKeyPair) JWKSet.parse(set.body()).getKeyByKeyId(kid);
        assertThat(fromSet).isNotNull();
        assertThat(fromSet.isPrivate()).isFalse();
        assertThat(OpenBadgesIT.verifiedByBouncyCastle(jws, fromSet)).isTrue();
        assertThat(single.statusCode()).isEqualTo(200);
        assertThat(OctetKeyPair.parse(single.body())).isEqualTo(fromSet);
        assertThat(get("/badges/keys/not-our-key").statusCode()).isEqualTo(404);
    }

    @Test
    void the_issuer_profile_resolves_at_its_id_without_logging_in() throws Exception {
        HttpResponse<String> issuer = get("/badges/issuer");

        assertThat(issuer.statusCode()).isEqualTo(200);
        Map<String, Object> profile = com.nimbusds.jose.util.JSONObjectUtils.parse(issuer.body());
        assertThat(profile).containsEntry("type", java.util.List.of("Profile")).containsEntry("name", "Mamori");
        assertThat((String) profile.get("id")).endsWith("/badges/issuer");
    }

    @Test
    void with_a_configured_secret_the_private_key_is_stored_encrypted() {
        Map<String, Object> row = jdbc.sql("SELECT protection, kdf_salt, LENGTH(private_key) AS size FROM signing_key WHERE purpose = 'open-badges'")
                .query().singleRow();

        assertThat(row.get("protection")).isEqualTo("aes-256-gcm/pbkdf2-sha256");
        assertThat((byte[]) row.get("kdf_salt")).hasSize(16);
        assertThat(((Number) row.get("size")).intValue()).as("nonce, PKCS#8 key and GCM tag").isGreaterThan(48 + 12);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
