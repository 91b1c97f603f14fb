package jp.mamori.shared.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class TableExportTest {

    private final Table table = new Table("審査員名簿 2026", List.of("氏名", "メモ", "件数", "期限", "日時"), List.of(
            Arrays.asList("佐藤 健", "=HYPERLINK(\"http://evil\")", 3, LocalDate.of(2027, 3, 31), Instant.parse("2026-11-24T00:30:00Z")),
            Arrays.asList("鈴木, \"一郎\"", "line one\nline two", new BigDecimal("87.50"), null, null)));

    @Test
    void the_csv_starts_with_a_bom_uses_crlf_quotes_by_rfc_4180_and_keeps_japanese() {
        byte[] csv = TableExport.csv(table);

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("氏名,メモ,件数,期限,日時\r\n"
                + "佐藤 健,\"'=HYPERLINK(\"\"http://evil\"\")\",3,2027-03-31,2026-11-24 09:30:00\r\n"
                + "\"鈴木, \"\"一郎\"\"\",\"line one\nline two\",87.50,,\r\n");
    }

    @Test
    void every_formula_starter_is_neutralised_in_the_csv() {
        for (String danger : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(TableExport.text(danger)).as(danger).startsWith("'");
        }
        assertThat(TableExport.text("普通の文字")).isEqualTo("普通の文字");
        assertThat(TableExport.text(-5)).as("numbers are numbers").isEqualTo("-5");
    }

    @Test
    void the_xlsx_reads_back_with_the_same_cells_and_text_stays_text() throws Exception {
        byte[] xlsx = TableExport.xlsx(table);

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("審査員名簿 2026");
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("氏名");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("佐藤 健");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(rows.get(1).getCell(1).getFormula()).isNull();
            assertThat(rows.get(1).getCellAsNumber(2)).contains(new BigDecimal("3"));
            assertThat(rows.get(2).getCellText(0)).isEqualTo("鈴木, \"一郎\"");
            assertThat(rows.get(2).getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("87.5");
        }
    }

    @Test
    void a_row_with_the_wrong_number_of_cells_is_refused() {
        assertThatThrownBy(() -> new Table("t", List.of("a", "b"), List.of(List.of("only one"))))
                .hasMessageContaining("1 cells for 2 columns");
    }
}
