package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RFC 4180 reader and the encoding detection, without a database. */
class CsvRecordsTest {

    @Test
    void quoted_fields_keep_commas_quotes_and_line_breaks_and_records_know_their_first_line() throws Exception {
        String text = "a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\nlast,,\"\"\n";

        List<CsvRecords.Row> rows = CsvRecords.parse(text, 10);

        assertThat(rows).containsExactly(
                new CsvRecords.Row(1, List.of("a", "b", "c")),
                new CsvRecords.Row(2, List.of("x, y", "he said \"hi\"", "two\r\nlines")),
                new CsvRecords.Row(5, List.of("last", "", "")));
    }

    @Test
    void an_unclosed_quote_is_reported_at_the_line_where_its_record_starts() {
        assertThatThrownBy(() -> CsvRecords.parse("a,b\n1,\"open\n2,3\n", 10))
                .isInstanceOf(CsvInputException.class).hasMessage("line 2: import.error.quote-unclosed");
    }

    @Test
    void text_after_a_closing_quote_is_an_error() {
        assertThatThrownBy(() -> CsvRecords.parse("a,b\n\"x\"y,1\n", 10))
                .isInstanceOf(CsvInputException.class).hasMessage("line 2: import.error.text-after-quote");
    }

    @Test
    void one_row_over_the_limit_stops_reading() throws Exception {
        assertThat(CsvRecords.parse("h\n1\n2\n", 2)).hasSize(3);
        assertThatThrownBy(() -> CsvRecords.parse("h\n1\n2\n3\n", 2))
                .isInstanceOf(CsvInputException.class).hasMessage("line 4: import.error.too-many-rows");
    }

    @Test
    void utf8_with_and_without_bom_and_shift_jis_are_told_apart() throws Exception {
        String text = "氏名\n山田 花子\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);

        assertThat(CsvText.decode(utf8)).isEqualTo(new CsvText.Decoded(text, CsvText.UTF_8));
        assertThat(CsvText.decode(bom)).isEqualTo(new CsvText.Decoded(text, CsvText.UTF_8_BOM));
        assertThat(CsvText.decode(text.getBytes(Charset.forName("windows-31j"))))
                .isEqualTo(new CsvText.Decoded(text, CsvText.SHIFT_JIS));
    }

    @Test
    void bytes_that_are_neither_utf8_nor_shift_jis_are_named_by_line() {
        byte[] sjis = "a\nb\n".getBytes(StandardCharsets.US_ASCII);
        byte[] broken = new byte[sjis.length + 2];
        System.arraycopy(sjis, 0, broken, 0, sjis.length);
        broken[sjis.length] = (byte) 0x81;
        broken[sjis.length + 1] = (byte) 0x0A;

        assertThatThrownBy(() -> CsvText.decode(broken))
                .isInstanceOf(CsvInputException.class).hasMessage("line 3: import.error.encoding");
    }
}
