package jp.mamori.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code hash = SHA-256(prev_hash ‖ seq ‖ canonical JSON)}, over UTF-8, as lower-case hex. */
final class ChainHash {

    /** The predecessor of record 1. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(String prevHash, long seq, String canonicalJson) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
