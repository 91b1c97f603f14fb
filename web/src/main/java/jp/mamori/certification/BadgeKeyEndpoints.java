package jp.mamori.certification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What third parties need to verify an Open Badges credential without asking Mamori: the public key as a JWK at the
 * credential's {@code kid}, the key set at {@code /.well-known/jwks.json}, and the issuer profile at its id.
 * Public, read-only, and the same for everyone (opened in {@code SecurityConfiguration}).
 */
@RestController
class BadgeKeyEndpoints {

    private static final CacheControl ONE_HOUR = CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic();

    private final OpenBadgeCredentials credentials;

    BadgeKeyEndpoints(OpenBadgeCredentials credentials) {
        this.credentials = credentials;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    ResponseEntity<Map<String, Object>> keySet() {
        return ResponseEntity.ok().cacheControl(ONE_HOUR).body(Map.of("keys", List.of(credentials.jwk())));
    }

    @GetMapping(path = "/badges/keys/{keyId}", produces = "application/jwk+json")
    ResponseEntity<Map<String, Object>> key(@PathVariable String keyId) {
        Map<String, Object> jwk = credentials.jwk();
        return credentials.keyUrl().endsWith("/" + keyId)
                ? ResponseEntity.ok().cacheControl(ONE_HOUR).body(jwk) : ResponseEntity.notFound().build();
    }

    @GetMapping(path = "/badges/issuer", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> issuer() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", List.of(OpenBadgeCredentials.VC_CONTEXT, OpenBadgeCredentials.OB_CONTEXT));
        profile.putAll(credentials.issuerProfile());
        return ResponseEntity.ok().cacheControl(ONE_HOUR).body(profile);
    }
}
