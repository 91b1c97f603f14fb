package jp.mamori.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Verification codes: 100 random bits, grouped for reading, and read back however people type them. */
class CertificateCodeTest {

    @Test
    void a_code_is_twenty_crockford_characters_which_carry_one_hundred_bits() {
        String code = CertificateCode.generate();

        assertThat(code).hasSize(20).matches("[0-9A-HJKMNP-TV-Z]{20}");
        assertThat(CertificateCode.LENGTH * (Math.log(CertificateCode.ALPHABET.length()) / Math.log(2))).isGreaterThanOrEqualTo(100);
        assertThat(CertificateCode.ALPHABET).hasSize(32).doesNotContain("I", "L", "O", "U");
    }

    @Test
    void it_is_shown_in_five_groups_of_four() {
        assertThat(CertificateCode.grouped("7K3MQ9TX2B8RD4FVH6WZ")).isEqualTo("7K3M-Q9TX-2B8R-D4FV-H6WZ");
    }

    @Test
    void typed_codes_are_read_in_any_case_with_or_without_dashes_and_spaces_and_with_look_alikes() {
        String canonical = "7K3MQ9TX2B8RD4FVH6W0";

        assertThat(CertificateCode.normalise("7K3M-Q9TX-2B8R-D4FV-H6W0")).contains(canonical);
        assertThat(CertificateCode.normalise("7k3mq9tx2b8rd4fvh6w0")).contains(canonical);
        assertThat(CertificateCode.normalise("  7K3M Q9TX 2B8R D4FV H6W0 ")).contains(canonical);
        assertThat(CertificateCode.normalise("7K3M-Q9TX-2B8R-D4FV-H6WO")).as("O read as zero").contains(canonical);
        assertThat(CertificateCode.normalise("７Ｋ３Ｍ－Ｑ９ＴＸ－２Ｂ８Ｒ－Ｄ４ＦＶ－Ｈ６Ｗ０")).as("full-width input").contains(canonical);
        assertThat(CertificateCode.normalise("1111-LLLL-iiii-IIII-llll")).contains("11111111111111111111");
    }

    @Test
    void anything_else_is_not_a_code() {
        assertThat(CertificateCode.normalise(null)).isEmpty();
        assertThat(CertificateCode.normalise("")).isEmpty();
        assertThat(CertificateCode.normalise("7K3M-Q9TX-2B8R-D4FV")).as("too short").isEmpty();
        assertThat(CertificateCode.normalise("7K3M-Q9TX-2B8R-D4FV-H6W0-A")).as("too long").isEmpty();
        assertThat(CertificateCode.normalise("7K3M-Q9TX-2B8R-D4FV-H6WU")).as("U is not in the alphabet").isEmpty();
        assertThat(CertificateCode.normalise("7K3M-Q9TX-2B8R-D4FV-H6W!")).isEmpty();
        assertThat(CertificateCode.normalise("' OR 1=1 --")).isEmpty();
    }

    @Test
    void generated_codes_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.add(CertificateCode.generate())).isTrue();
        }
    }

    @Test
    void every_character_of_the_alphabet_is_used() {
        Set<Character> used = new HashSet<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            CertificateCode.generate(random).chars().forEach(c -> used.add((char) c));
        }
        assertThat(used).hasSize(32);
    }
}
