package jp.mamori.reporting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.pdf.PdfFonts;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;

/**
 * The approval box in the top right corner of a report's first page, at a fixed place: {@link ReportPdf} draws it
 * empty with its label, and the privacy officer's approval is later stamped into it on the exact PDF that was
 * reviewed, so the approved PDF differs from the reviewed one by the stamp alone.
 */
final class ApprovalStamp {

    private static final Color RED = new Color(0xC6, 0x28, 0x28);
    private static final float LEFT = 405;
    private static final float RIGHT = 555;
    private static final float TOP = 800;
    private static final float BOTTOM = 728;

    private ApprovalStamp() {
    }

    /** The empty box with its label ("approval — privacy officer"), drawn when the report is generated. */
    static void drawBox(PdfContentByte canvas, String label) {
        canvas.saveState();
        canvas.setColorStroke(RED);
        canvas.setLineWidth(1.2f);
        canvas.rectangle(LEFT, BOTTOM, RIGHT - LEFT, TOP - BOTTOM);
        canvas.stroke();
        canvas.moveTo(LEFT, TOP - 16);
        canvas.lineTo(RIGHT, TOP - 16);
        canvas.stroke();
        canvas.restoreState();
        Font small = PdfFonts.regular(8);
        small.setColor(RED);
        ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(label, small), (LEFT + RIGHT) / 2, TOP - 11, 0);
    }

    static byte[] apply(byte[] reviewed, String approved, String name, Instant at) {
        try {
            PdfReader reader = new PdfReader(reviewed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfStamper stamper = new PdfStamper(reader, out);
            PdfContentByte canvas = stamper.getOverContent(1);
            float middle = (LEFT + RIGHT) / 2;
            Font big = PdfFonts.bold(12);
            big.setColor(RED);
            Font normal = PdfFonts.bold(9);
            normal.setColor(RED);
            Font small = PdfFonts.regular(8);
            small.setColor(RED);
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(approved, big), middle, TOP - 31, 0);
            ColumnText column = new ColumnText(canvas);
            column.setSimpleColumn(LEFT + 4, BOTTOM + 12, RIGHT - 4, TOP - 35);
            column.setAlignment(Element.ALIGN_CENTER);
            column.addText(new Phrase(name, normal));
            column.go();
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
                    new Phrase(DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(FiscalYears.JAPAN).format(at), small), middle, BOTTOM + 4, 0);
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the approval stamp cannot be applied", e);
        }
    }
}
