package jp.mamori.learning;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import jp.mamori.catalog.DeckCatalog;
import jp.mamori.evidence.ChainHead;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.shared.pdf.PdfFonts;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A person's record of training, checks, acknowledgements and declarations as a PDF to file or hand over (their own,
 * or anyone's for the PMS office and the auditor):
 * every evidence record with its place in the ledger, so an auditor can find and verify each one.
 */
@Service
public class PersonalHistoryPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private final EvidenceLedger ledger;
    private final DeckCatalog catalog;
    private final Clock clock;

    PersonalHistoryPdf(EvidenceLedger ledger, DeckCatalog catalog, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The logged-in person's history, in their language; nobody downloads another person's history here. */
    @PreAuthorize("isAuthenticated()")
    public byte[] mine(Locale locale) {
        MamoriPrincipal me = CurrentPrincipal.require();
        return render(ledger.recordsOf(me.id()), me.displayName() + " <" + me.email() + ">", me, locale, null);
    }

    /**
     * Anyone's history, leavers included, for HR and the auditor: it names who printed it and the evidence chain head
     * at that moment, so the copy can be checked against the ledger later.
     */
    @PreAuthorize("hasAnyRole('TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')")
    public byte[] of(long userId, String person, Locale locale) {
        MamoriPrincipal reader = CurrentPrincipal.require();
        ChainHead head = ledger.head();
        return render(ledger.recordsOf(userId), person, reader, locale, head);
    }

    private byte[] render(List<EvidenceRecord> records, String person, MamoriPrincipal reader, Locale locale, ChainHead head) {
        ResourceBundle text = ResourceBundle.getBundle("vaadin-i18n/translations", locale);
        DateTimeFormatter time = TIME.withZone(reader.zone());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle(text.getString("history.pdf.title"));
        document.addCreator("Mamori");
        document.open();
        document.add(new Paragraph(text.getString("history.pdf.title"), PdfFonts.bold(16)));
        Font meta = PdfFonts.regular(10);
        document.add(new Paragraph(text.getString("history.pdf.person") + ": " + person, meta));
        String generated = text.getString("history.pdf.generated") + ": " + time.format(clock.instant()) + " (" + reader.zone().getId() + ")";
        if (head != null) {
            generated += " ・ " + reader.displayName() + " ・ " + text.getString("report.pdf.chain") + " #" + head.seq() + " " + head.hash();
        }
        document.add(new Paragraph(generated, meta));
        Paragraph spacer = new Paragraph(" ", meta);
        document.add(spacer);
        if (records.isEmpty()) {
            document.add(new Paragraph(text.getString("evidence.none"), meta));
        } else {
            document.add(table(records, text, time, locale));
        }
        document.add(spacer);
        document.add(new Paragraph(text.getString("history.pdf.note"), PdfFonts.regular(8)));
        document.close();
        return out.toByteArray();
    }

    private PdfPTable table(List<EvidenceRecord> records, ResourceBundle text, DateTimeFormatter time, Locale locale) {
        PdfPTable table = new PdfPTable(new float[] {7, 17, 15, 33, 11, 9, 14});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        Font head = PdfFonts.bold(9);
        for (String key : List.of("history.pdf.seq", "evidence.when", "evidence.kind", "evidence.item", "evidence.result",
                "evidence.score", "history.pdf.hash")) {
            PdfPCell cell = new PdfPCell(new Phrase(text.getString(key), head));
            cell.setBackgroundColor(new Color(0xE8, 0xEE, 0xF5));
            cell.setPadding(4);
            table.addCell(cell);
        }
        Font body = PdfFonts.regular(9);
        for (EvidenceRecord record : records) {
            table.addCell(cell(String.valueOf(record.seq()), body, Element.ALIGN_RIGHT));
            table.addCell(cell(time.format(record.recordedAt()), body, Element.ALIGN_LEFT));
            table.addCell(cell(label(text, "evidence.kind." + record.kind(), record.kind()), body, Element.ALIGN_LEFT));
            table.addCell(cell(itemName(record, text, locale), body, Element.ALIGN_LEFT));
            table.addCell(cell(label(text, "evidence.result." + record.result(), record.result()), body, Element.ALIGN_LEFT));
            table.addCell(cell(record.score() == null ? "" : record.score().stripTrailingZeros().toPlainString(), body, Element.ALIGN_RIGHT));
            table.addCell(cell(record.hash().substring(0, 12), PdfFonts.regular(7), Element.ALIGN_LEFT));
        }
        return table;
    }

    private String itemName(EvidenceRecord record, ResourceBundle text, Locale locale) {
        var title = catalog.titleOf(record.itemRef(), record.itemVersion(), locale);
        if (title.isPresent()) {
            return title.get() + " (" + text.getString("history.pdf.version").replace("{0}", record.itemVersion()) + ")";
        }
        if (record.itemRef().equals("company-rules")) {
            return text.getString("rules.title") + " (" + text.getString("history.pdf.version").replace("{0}", record.itemVersion()) + ")";
        }
        return record.itemRef() + " v" + record.itemVersion();
    }

    private static PdfPCell cell(String content, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(content, font));
        cell.setPadding(4);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    private static String label(ResourceBundle text, String key, String fallback) {
        return text.containsKey(key) ? text.getString(key) : fallback;
    }
}
