package jp.mamori.certification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.mamori.shared.Sha256;
import jp.mamori.shared.db.UtcColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The installation's Ed25519 key for Open Badges credentials: generated on first use and kept in the database for
 * good (see V0016), its private half encrypted when {@code mamori.badge.key-secret} is set. It is loaded at start-up,
 * so a missing or wrong secret stops the start with a message saying so. Several nodes starting together agree on one
 * key: the first insert wins and everyone reads the stored row.
 */
@Component
class BadgeSigningKey implements ApplicationRunner {

    static final String PURPOSE = "open-badges";
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Logger log = LoggerFactory.getLogger(BadgeSigningKey.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String secret;
    private volatile Loaded loaded;

    BadgeSigningKey(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                    @Value("${mamori.badge.key-secret:}") String secret) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // The key is written once, whatever transaction (perhaps a read-only one) first needs it.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.secret = secret == null ? "" : secret;
    }

    @Override
    public void run(ApplicationArguments args) {
        key();
    }

    /** The key's id: its RFC 7638 JWK thumbprint. */
    String thumbprint() {
        return key().thumbprint();
    }

    /** The public key as a JWK (RFC 8037: kty OKP, crv Ed25519), without a {@code kid}. */
    Map<String, Object> publicJwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", base64Url(key().raw()));
        jwk.put("alg", "EdDSA");
        jwk.put("use", "sig");
        return jwk;
    }

    byte[] sign(byte[] input) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key().pair().getPrivate());
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    boolean verify(byte[] input, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key().pair().getPublic());
            signature.update(input);
            return signature.verify(signatureBytes);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification is not available", e);
        }
    }

    private Loaded key() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = ownTransaction.execute(status -> load());
                }
                current = loaded;
            }
        }
        return current;
    }

    private Loaded load() {
        if (stored().isEmpty()) {
            create();
        }
        Stored row = stored().orElseThrow();
        byte[] pkcs8;
        if (row.protection().equals("none")) {
            pkcs8 = row.privateKey();
            if (secret.isEmpty()) {
                log.warn("the Open Badges signing key is stored unencrypted in the database: set MAMORI_BADGE_KEY_SECRET "
                        + "(mamori.badge.key-secret) to have it encrypted");
            } else {
                byte[] salt = KeyCipher.salt();
                jdbc.sql("UPDATE signing_key SET private_key = ?, protection = ?, kdf_salt = ? WHERE purpose = ? AND protection = 'none'")
                        .params(KeyCipher.encrypt(pkcs8, secret, salt), KeyCipher.PROTECTION, salt, PURPOSE).update();
                log.info("the Open Badges signing key is now stored encrypted with MAMORI_BADGE_KEY_SECRET");
            }
        } else if (secret.isEmpty()) {
            throw new IllegalStateException("the Open Badges signing key is stored encrypted: set MAMORI_BADGE_KEY_SECRET "
                    + "(mamori.badge.key-secret) to the secret it was encrypted with");
        } else {
            pkcs8 = KeyCipher.decrypt(row.privateKey(), secret, row.salt());
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, row.publicKey())));
            return new Loaded(new KeyPair(publicKey, privateKey), row.publicKey(), row.keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored Open Badges signing key cannot be read", e);
        }
    }

    private void create() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] salt = secret.isEmpty() ? null : KeyCipher.salt();
            // IGNORE: another node creating its key at the same moment wins or loses; both then read the stored one.
            jdbc.sql("INSERT IGNORE INTO signing_key (purpose, algorithm, key_id, public_key, private_key, protection, kdf_salt, created_at) "
                            + "VALUES (?,?,?,?,?,?,?,?)")
                    .params(PURPOSE, "Ed25519", thumbprint(raw), raw, salt == null ? pkcs8 : KeyCipher.encrypt(pkcs8, secret, salt),
                            salt == null ? "none" : KeyCipher.PROTECTION, salt, UtcColumns.of(clock.instant()))
                    .update();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private java.util.Optional<Stored> stored() {
        return jdbc.sql("SELECT key_id, public_key, private_key, protection, kdf_salt FROM signing_key WHERE purpose = ?")
                .param(PURPOSE)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getBytes(2), rs.getBytes(3), rs.getString(4), rs.getBytes(5)))
                .optional();
    }

    /** RFC 7638: SHA-256 of the required members in lexicographic order, base64url. */
    static String thumbprint(byte[] raw) {
        String members = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + base64Url(raw) + "\"}";
        return base64Url(HexFormat.of().parseHex(Sha256.hex(members.getBytes(StandardCharsets.UTF_8))));
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private record Stored(String keyId, byte[] publicKey, byte[] privateKey, String protection, byte[] salt) {
    }

    private record Loaded(KeyPair pair, byte[] raw, String thumbprint) {
    }
}
