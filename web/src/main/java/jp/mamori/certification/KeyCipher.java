package jp.mamori.certification;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a private key for storage: AES-256-GCM under a key derived from the configured secret with
 * PBKDF2-HMAC-SHA256 (600,000 iterations, OWASP's figure for it) and a random salt; the output is the 12-byte nonce
 * followed by the ciphertext and tag.
 */
final class KeyCipher {

    static final String PROTECTION = "aes-256-gcm/pbkdf2-sha256";
    private static final int ITERATIONS = 600_000;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyCipher() {
    }

    static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    static byte[] encrypt(byte[] plain, String secret, byte[] salt) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(secret, salt), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain key; a wrong secret (or an altered row) is an {@link IllegalStateException} that says so. */
    static byte[] decrypt(byte[] stored, String secret, byte[] salt) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(secret, salt), new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
            return cipher.doFinal(Arrays.copyOfRange(stored, NONCE_BYTES, stored.length));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the stored badge signing key cannot be decrypted: MAMORI_BADGE_KEY_SECRET "
                    + "(mamori.badge.key-secret) is not the secret it was encrypted with", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static SecretKeySpec key(String secret, byte[] salt) throws GeneralSecurityException {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        return new SecretKeySpec(key, "AES");
    }
}
