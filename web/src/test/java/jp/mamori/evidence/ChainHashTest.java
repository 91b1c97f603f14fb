package jp.mamori.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    @Test
    void hash_is_sha256_of_previous_hash_then_sequence_then_json() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((ChainHash.GENESIS + "1" + "{\"a\":1}").getBytes(StandardCharsets.UTF_8)));

        assertThat(ChainHash.of(ChainHash.GENESIS, 1, "{\"a\":1}")).isEqualTo(expected).hasSize(64);
    }

    @Test
    void every_field_of_a_record_changes_its_hash() {
        EvidenceRecord base = record("PASSED", new BigDecimal("80.00"), "{}");

        assertThat(record("FAILED", new BigDecimal("80.00"), "{}").expectedHash()).isNotEqualTo(base.expectedHash());
        assertThat(record("PASSED", new BigDecimal("80.01"), "{}").expectedHash()).isNotEqualTo(base.expectedHash());
        assertThat(record("PASSED", new BigDecimal("80.00"), "{\"x\":1}").expectedHash()).isNotEqualTo(base.expectedHash());
        assertThat(record("PASSED", new BigDecimal("80.00"), "{}").expectedHash()).isEqualTo(base.expectedHash());
    }

    private static EvidenceRecord record(String result, BigDecimal score, String details) {
        return new EvidenceRecord(1, Instant.parse("2026-11-23T01:02:03.123456Z"), "DECK_COMPLETED", 7, "learner@example.jp",
                "learner@example.jp", "deck:why", "3", result, score, details, null, ChainHash.GENESIS, null);
    }
}
