package jp.mamori.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import jp.mamori.questionbank.ItemType;
import jp.mamori.questionbank.LocalizedText;
import org.junit.jupiter.api.Test;

/** The CSV of the item analysis follows RFC 4180 and starts with a UTF-8 byte order mark. */
class ItemAnalysisCsvTest {

    @Test
    void fields_with_a_comma_a_quote_or_a_line_break_are_quoted_and_quotes_doubled() {
        assertThat(ItemAnalysisCsv.field("plain 個人情報")).isEqualTo("plain 個人情報");
        assertThat(ItemAnalysisCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(ItemAnalysisCsv.field("say \"yes\"")).isEqualTo("\"say \"\"yes\"\"\"");
        assertThat(ItemAnalysisCsv.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(ItemAnalysisCsv.field("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
    }

    @Test
    void a_multiple_choice_item_gives_one_row_with_its_counts_its_key_and_its_quoted_stem() {
        ItemStatistics item = new ItemStatistics("x-001", 3, "pms", 2, ItemType.MULTIPLE,
                new LocalizedText("「本人」とは, \"誰\" か\n選べ", null), 40, 10, 0.25, OptionalDouble.of(0.1234),
                List.of(new OptionCount("a", LocalizedText.of("A"), 20, true), new OptionCount("b", LocalizedText.of("B"), 5, false),
                        new OptionCount("c", LocalizedText.of("C"), 18, true)),
                4, List.of(ItemFlag.LOW_DISCRIMINATION));

        byte[] csv = ItemAnalysisCsv.write(List.of(item));

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "item_id,version,domain,difficulty,type,n,p,r,A_count,B_count,C_count,unanswered,key,flags,stem_ja\r\n"
                        + "x-001,3,pms,2,multiple,40,0.250,0.123,20,5,18,4,\"A,C\",LOW_DISCRIMINATION,"
                        + "\"「本人」とは, \"\"誰\"\" か\n選べ\"\r\n");
    }
}
