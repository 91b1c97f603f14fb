package jp.mamori.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyCipherTest {

    @Test
    void a_key_encrypted_with_a_secret_opens_with_that_secret_only() {
        byte[] key = "a private key of 48 bytes, more or less exactly".getBytes(StandardCharsets.US_ASCII);
        byte[] salt = KeyCipher.salt();

        byte[] sealed = KeyCipher.encrypt(key, "right secret", salt);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private key");
        assertThat(KeyCipher.decrypt(sealed, "right secret", salt)).isEqualTo(key);
        assertThatThrownBy(() -> KeyCipher.decrypt(sealed, "wrong secret", salt))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MAMORI_BADGE_KEY_SECRET");
    }
}
