package jp.mamori.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void keys_are_sorted_whatever_the_insertion_order() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1);
        a.put("a", "x");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", "x");
        b.put("b", 1);

        assertThat(CanonicalJson.write(a)).isEqualTo(CanonicalJson.write(b)).isEqualTo("{\"a\":\"x\",\"b\":1}");
    }

    @Test
    void strings_are_escaped_and_japanese_kept_as_is() {
        String json = CanonicalJson.write(Map.of("text", "個人情報 \"quoted\" \\ line\nbreak \u0001"));

        assertThat(json).isEqualTo("{\"text\":\"個人情報 \\\"quoted\\\" \\\\ line\\nbreak \\u0001\"}");
    }

    @Test
    void nested_values_decimals_booleans_lists_and_null_are_written_plainly() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", List.of(1L, true, new BigDecimal("85.50")));
        nested.put("n", null);

        assertThat(CanonicalJson.write(Map.of("o", nested))).isEqualTo("{\"o\":{\"n\":null,\"z\":[1,true,85.50]}}");
    }

    @Test
    void floating_point_numbers_are_refused_because_they_have_no_single_spelling() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("score", 0.1d)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
    }
}
