package jp.mamori.certification;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import jp.mamori.shared.pdf.PdfFonts;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * The certificate as a one-page A4 landscape PDF a company can file: bilingual (Japanese first, English second),
 * framed, with the holder, exam level, score, dates, code and a QR code of the verification URL drawn as vector
 * squares so it prints sharp at any size.
 */
@Component
class CertificatePdf {

    private static final Color NAVY = new Color(0x1F, 0x3A, 0x5F);
    private static final Color GOLD = new Color(0xB0, 0x8D, 0x57);
    private static final Color GREY = new Color(0x55, 0x5B, 0x66);
    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE)
            .withZone(Certificates.CERTIFICATE_ZONE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(Certificates.CERTIFICATE_ZONE);
    private static final float QR_SIZE = 128;

    private final VerificationUrls urls;

    CertificatePdf(VerificationUrls urls) {
        this.urls = urls;
    }

    byte[] render(Certificate certificate) {
        ResourceBundle ja = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.JAPANESE);
        ResourceBundle en = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ENGLISH);
        Rectangle page = PageSize.A4.rotate();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(page, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(ja.getString("certificate.pdf.title") + " " + certificate.shownCode());
        document.addCreator("Mamori");
        document.open();
        PdfContentByte canvas = writer.getDirectContent();
        frame(canvas, page);
        float centre = page.getWidth() / 2;
        centred(canvas, ja.getString("certificate.pdf.title"), PdfFonts.bold(30), NAVY, centre, 492);
        centred(canvas, en.getString("certificate.pdf.title"), PdfFonts.regular(13), GREY, centre, 466);
        canvas.setColorStroke(GOLD);
        canvas.setLineWidth(1.2f);
        canvas.moveTo(centre - 110, 452);
        canvas.lineTo(centre + 110, 452);
        canvas.stroke();
        centred(canvas, certificate.holderName(), PdfFonts.bold(26), Color.BLACK, centre, 404);
        canvas.setColorStroke(GREY);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(centre - 150, 396);
        canvas.lineTo(centre + 150, 396);
        canvas.stroke();
        centred(canvas, ja.getString("certificate.pdf.statement"), PdfFonts.regular(12), Color.BLACK, centre, 370);
        centred(canvas, en.getString("certificate.pdf.statement"), PdfFonts.regular(10), GREY, centre, 353);
        facts(certificate, ja, en).writeSelectedRows(0, -1, 90, 326, canvas);
        String url = urls.of(certificate.code());
        float qrLeft = page.getWidth() - 90 - QR_SIZE;
        float qrBottom = 150;
        qr(canvas, VerificationQr.matrix(url), qrLeft, qrBottom);
        verifyNote(canvas, ja, en, url, qrLeft + QR_SIZE / 2, qrBottom);
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(ja.getString("certificate.pdf.issuer") + " / "
                + en.getString("certificate.pdf.issuer"), PdfFonts.regular(10)), 90, 72, 0);
        document.close();
        return out.toByteArray();
    }

    private static void frame(PdfContentByte canvas, Rectangle page) {
        canvas.saveState();
        canvas.setColorStroke(NAVY);
        canvas.setLineWidth(4);
        canvas.rectangle(24, 24, page.getWidth() - 48, page.getHeight() - 48);
        canvas.stroke();
        canvas.setColorStroke(GOLD);
        canvas.setLineWidth(1);
        canvas.rectangle(33, 33, page.getWidth() - 66, page.getHeight() - 66);
        canvas.stroke();
        canvas.restoreState();
    }

    private static PdfPTable facts(Certificate certificate, ResourceBundle ja, ResourceBundle en) {
        PdfPTable table = new PdfPTable(new float[] {150, 320});
        table.setTotalWidth(470);
        table.setLockedWidth(true);
        row(table, label(ja, en, "certificate.pdf.level"), value(certificate.examNameJa(), certificate.examNameEn()));
        row(table, label(ja, en, "certificate.pdf.score"),
                value(certificate.score().stripTrailingZeros().toPlainString() + " / 100", null));
        row(table, label(ja, en, "certificate.pdf.issued"), value(JA_DATE.format(certificate.issuedAt()), EN_DATE.format(certificate.issuedAt())));
        row(table, label(ja, en, "certificate.pdf.expires"), value(JA_DATE.format(certificate.expiresAt()), EN_DATE.format(certificate.expiresAt())));
        row(table, label(ja, en, "certificate.pdf.code"), value(certificate.shownCode(), null));
        return table;
    }

    private static void row(PdfPTable table, Paragraph label, Paragraph value) {
        for (Paragraph content : new Paragraph[] {label, value}) {
            PdfPCell cell = new PdfPCell();
            cell.addElement(content);
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(new Color(0xD8, 0xDC, 0xE3));
            cell.setPaddingTop(2);
            cell.setPaddingBottom(6);
            table.addCell(cell);
        }
    }

    private static Paragraph label(ResourceBundle ja, ResourceBundle en, String key) {
        Font font = PdfFonts.regular(9);
        font.setColor(GREY);
        Paragraph label = new Paragraph(ja.getString(key) + "\n" + en.getString(key), font);
        label.setLeading(12);
        return label;
    }

    private static Paragraph value(String japanese, String english) {
        Paragraph value = new Paragraph(japanese, PdfFonts.bold(12));
        value.setLeading(16);
        if (english != null) {
            Font small = PdfFonts.regular(9);
            small.setColor(GREY);
            value.add(new Phrase("\n" + english, small));
        }
        return value;
    }

    /** The QR code as filled squares; each run of dark modules in a row is one rectangle, so no seams show. */
    private static void qr(PdfContentByte canvas, BitMatrix matrix, float left, float bottom) {
        float module = QR_SIZE / matrix.getWidth();
        float top = bottom + QR_SIZE;
        canvas.saveState();
        canvas.setColorFill(Color.BLACK);
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                canvas.rectangle(left + start * module, top - (y + 1) * module, (x - start) * module, module);
            }
        }
        canvas.fill();
        canvas.restoreState();
    }

    private static void verifyNote(PdfContentByte canvas, ResourceBundle ja, ResourceBundle en, String url, float centre, float qrBottom) {
        Font note = PdfFonts.regular(8);
        note.setColor(GREY);
        centred(canvas, ja.getString("certificate.pdf.verify"), note, GREY, centre, qrBottom - 16);
        centred(canvas, en.getString("certificate.pdf.verify"), note, GREY, centre, qrBottom - 27);
        centred(canvas, url, PdfFonts.regular(7), Color.BLACK, centre, qrBottom - 39);
    }

    private static void centred(PdfContentByte canvas, String text, Font font, Color color, float x, float y) {
        font.setColor(color);
        ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(text, font), x, y, 0);
    }
}
