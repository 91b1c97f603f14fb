package jp.mamori.reporting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.pdf.PdfFonts;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Draws a 教育実施報告書 on A4: the (empty) approval box, what was taught to whom with completion
 * and scores, completion by department as bars, who has not finished and the follow-up, and the evidence chain head
 * the report was made from.
 */
final class ReportPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(FiscalYears.JAPAN);
    private static final Color HEAD = new Color(0xE8, 0xEE, 0xF5);
    private static final Color BAR = new Color(0x1A, 0x73, 0xE8);

    private ReportPdf() {
    }

    static byte[] render(ReportContent report, Locale locale) {
        ResourceBundle words = ResourceBundle.getBundle("vaadin-i18n/translations", locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 44, 44);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(words.getString("report.pdf.title"));
        document.addCreator("Mamori");
        document.open();
        ApprovalStamp.drawBox(writer.getDirectContent(), words.getString("report.pdf.stamp-box"));
        PdfPTable top = new PdfPTable(1);
        top.setWidthPercentage(68);
        top.setHorizontalAlignment(Element.ALIGN_LEFT);
        PdfPCell heading = new PdfPCell();
        heading.setBorder(Rectangle.NO_BORDER);
        heading.setMinimumHeight(62);
        heading.addElement(new Paragraph(words.getString("report.pdf.title"), PdfFonts.bold(18)));
        heading.addElement(new Paragraph(format(words, "report.pdf.subtitle", report.fiscalYear(), report.planTitle(),
                report.planRevision()), PdfFonts.regular(10)));
        top.addCell(heading);
        document.add(top);
        document.add(new Paragraph(" ", PdfFonts.regular(6)));

        PdfPTable meta = new PdfPTable(new float[] {28, 72});
        meta.setWidthPercentage(100);
        row(meta, words.getString("report.pdf.generated"), TIME.format(report.generatedAt()) + " ・ " + report.generatedBy());
        row(meta, words.getString("report.pdf.plan-approved"), report.planApprovedBy().orElse("—"));
        row(meta, words.getString("report.pdf.chain"), "#" + report.chainSeq() + "  " + report.chainHash());
        document.add(meta);

        section(document, words.getString("report.pdf.taught"));
        PdfPTable taught = new PdfPTable(new float[] {30, 16, 17, 10, 7, 7, 7, 6});
        taught.setWidthPercentage(100);
        taught.setHeaderRows(1);
        for (String key : List.of("report.pdf.what", "report.pdf.audience", "report.pdf.period", "report.pdf.due", "report.pdf.assigned",
                "report.pdf.completed", "report.pdf.rate", "report.pdf.score")) {
            taught.addCell(head(words.getString(key)));
        }
        Font small = PdfFonts.regular(8);
        for (ReportContent.Line line : report.lines()) {
            taught.addCell(cell(line.title() + (line.versions().isEmpty() ? "" : "\n" + format(words, "report.pdf.versions", line.versions())), small));
            taught.addCell(cell(line.audience(), small));
            taught.addCell(cell(line.periodStart() + " – " + line.periodEnd(), small));
            taught.addCell(cell(line.due().toString(), small));
            taught.addCell(number(String.valueOf(line.assigned()), small));
            taught.addCell(number(String.valueOf(line.completed()), small));
            taught.addCell(number(line.rate() + "%", small));
            taught.addCell(number(line.averageScore().map(s -> s.stripTrailingZeros().toPlainString()).orElse("—"), small));
        }
        document.add(taught);

        section(document, words.getString("report.pdf.departments"));
        PdfPTable bars = new PdfPTable(new float[] {30, 55, 15});
        bars.setWidthPercentage(100);
        bars.setHeaderRows(1);
        bars.addCell(head(words.getString("dashboard.department")));
        bars.addCell(head(words.getString("report.pdf.rate")));
        bars.addCell(head(words.getString("report.pdf.count")));
        for (EducationFigures.Completion department : report.departments()) {
            bars.addCell(cell(department.name(), small));
            bars.addCell(bar(department.rate().floatValue()));
            bars.addCell(number(department.rate() + "% (" + department.completed() + "/" + department.assigned() + ")", small));
        }
        document.add(bars);

        section(document, words.getString("report.pdf.unfinished"));
        for (ReportContent.Line line : report.lines()) {
            document.add(new Paragraph(line.title() + " — " + format(words, "report.pdf.unfinished-count", line.unfinished().size()),
                    PdfFonts.bold(9)));
            if (line.unfinished().isEmpty()) {
                continue;
            }
            PdfPTable people = new PdfPTable(new float[] {30, 30, 14, 12, 14});
            people.setWidthPercentage(100);
            people.setHeaderRows(1);
            for (String key : List.of("roster.name", "dashboard.department", "report.pdf.due", "dashboard.reminders", "report.pdf.escalated")) {
                people.addCell(head(words.getString(key)));
            }
            for (ReportContent.Unfinished person : line.unfinished()) {
                people.addCell(cell(person.name(), small));
                people.addCell(cell(person.department(), small));
                people.addCell(cell(person.due().toString(), small));
                people.addCell(number(String.valueOf(person.reminders()), small));
                people.addCell(cell(person.escalated() ? words.getString("report.pdf.yes") : "—", small));
            }
            document.add(people);
        }
        document.add(new Paragraph(" ", small));
        document.add(new Paragraph(words.getString("report.pdf.note"), PdfFonts.regular(7)));
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell bar(float percent) {
        float filled = Math.max(0.1f, Math.min(99.9f, percent));
        PdfPTable bar = new PdfPTable(new float[] {filled, 100 - filled});
        bar.setWidthPercentage(100);
        PdfPCell on = new PdfPCell(new Phrase(" ", PdfFonts.regular(6)));
        on.setBackgroundColor(BAR);
        on.setBorder(Rectangle.NO_BORDER);
        PdfPCell off = new PdfPCell(new Phrase(" ", PdfFonts.regular(6)));
        off.setBackgroundColor(new Color(0xF1, 0xF3, 0xF6));
        off.setBorder(Rectangle.NO_BORDER);
        bar.addCell(on);
        bar.addCell(off);
        PdfPCell holder = new PdfPCell(bar);
        holder.setPadding(3);
        return holder;
    }

    private static void section(Document document, String title) {
        document.add(new Paragraph(" ", PdfFonts.regular(6)));
        document.add(new Paragraph(title, PdfFonts.bold(12)));
        document.add(new Paragraph(" ", PdfFonts.regular(4)));
    }

    private static void row(PdfPTable table, String label, String value) {
        PdfPCell head = head(label);
        table.addCell(head);
        table.addCell(cell(value, PdfFonts.regular(8)));
    }

    private static PdfPCell head(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, PdfFonts.bold(8)));
        cell.setBackgroundColor(HEAD);
        cell.setPadding(3);
        return cell;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(3);
        return cell;
    }

    private static PdfPCell number(String text, Font font) {
        PdfPCell cell = cell(text, font);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static String format(ResourceBundle words, String key, Object... params) {
        return new MessageFormat(words.getString(key), words.getLocale()).format(params);
    }
}
