package jp.mamori.shared.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.mamori.shared.FiscalYears;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link Table} as CSV that Excel opens with Japanese intact (UTF-8 with BOM, CRLF, RFC 4180 quoting) and as
 * XLSX. Text that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is prefixed with
 * an apostrophe in the CSV; in the XLSX every text is a text cell, never a formula.
 */
public final class TableExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TableExport() {
    }

    public static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder();
        line(out, table.headers().stream().map(h -> (Object) h).toList());
        table.rows().forEach(row -> line(out, row));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(out.length() * 2 + 3);
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    public static byte[] xlsx(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Mamori", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName(table.title()));
            for (int c = 0; c < table.headers().size(); c++) {
                sheet.value(0, c, table.headers().get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    cell(sheet, r + 1, c, row.get(c));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + table.title() + " as XLSX", e);
        }
        return bytes.toByteArray();
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        switch (value) {
            case null -> {
            }
            case Number number -> sheet.value(r, c, number);
            case Boolean flag -> sheet.value(r, c, flag);
            case LocalDate date -> {
                sheet.value(r, c, date);
                sheet.style(r, c).format("yyyy-mm-dd").set();
            }
            case Instant instant -> {
                sheet.value(r, c, japan(instant));
                sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
            }
            default -> sheet.value(r, c, value.toString());
        }
    }

    /** One CSV record (with its CRLF), for exports written row by row without holding the whole table. */
    public static String csvRecord(List<?> cells) {
        StringBuilder out = new StringBuilder();
        line(out, cells);
        return out.toString();
    }

    /** The byte-order mark that makes Excel read a CSV file as UTF-8. */
    public static byte[] bom() {
        return BOM.clone();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(text(cells.get(i))));
        }
        out.append("\r\n");
    }

    /** A cell as text: numbers plain, dates ISO, times in Japan time, text guarded against formula injection. */
    static String text(Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal decimal -> decimal.toPlainString();
            case Number number -> number.toString();
            case Boolean flag -> flag.toString();
            case LocalDate date -> date.toString();
            case Instant instant -> DATE_TIME.format(japan(instant));
            default -> guarded(value.toString());
        };
    }

    private static String guarded(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static LocalDateTime japan(Instant instant) {
        return LocalDateTime.ofInstant(instant, FiscalYears.JAPAN);
    }

    /** Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name. */
    private static String sheetName(String title) {
        String name = title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return name.isEmpty() ? "Sheet1" : name.substring(0, Math.min(31, name.length()));
    }
}
