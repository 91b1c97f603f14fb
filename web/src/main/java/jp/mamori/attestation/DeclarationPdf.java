package jp.mamori.attestation;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import jp.mamori.content.Declaration;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.pdf.PdfFonts;
import jp.mamori.shared.security.CurrentPrincipal;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed declaration as a document to file or hand to an auditor: the exact text version signed, each statement
 * confirmed, the facts given, who signed when, the revision and what it corrects, and the evidence record (sequence
 * number and hash) to verify it by.
 */
@Service
public class DeclarationPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(FiscalYears.JAPAN);

    private final Signatures signatures;
    private final EvidenceLedger ledger;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    DeclarationPdf(Signatures signatures, EvidenceLedger ledger, Clock clock) {
        this.signatures = signatures;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The PDF of a signature the reader may see (their own, or anyone's for the office and the auditor). */
    @PreAuthorize("hasAnyRole('EXAMINER', 'TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')")
    public byte[] render(long signatureId, Locale locale) {
        Signatures.Signed signed = signatures.find(signatureId).orElseThrow(() -> new DeclarationException("declaration.error.unknown"));
        Signature signature = signed.signature();
        Declaration text = signed.text();
        EvidenceRecord record = ledger.find(signature.evidenceSeq()).orElseThrow();
        ResourceBundle words = ResourceBundle.getBundle("vaadin-i18n/translations", locale);
        JsonNode answers = json.readTree(signature.answersJson());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle(text.title().in(locale));
        document.addCreator("Mamori");
        document.open();
        Font small = PdfFonts.regular(9);
        Font body = PdfFonts.regular(10.5f);
        document.add(new Paragraph(words.getString("declaration.pdf.heading"), PdfFonts.regular(10)));
        document.add(new Paragraph(text.title().in(locale), PdfFonts.bold(16)));
        document.add(new Paragraph(format(words, "declaration.pdf.version", text.version(), signature.fiscalYear()), small));
        document.add(new Paragraph(" ", small));
        document.add(new Paragraph(text.intro().in(locale), body));
        document.add(new Paragraph(" ", small));

        List<String> confirmed = answers.path("statements").valueStream().map(JsonNode::asString).toList();
        PdfPTable statements = new PdfPTable(new float[] {8, 92});
        statements.setWidthPercentage(100);
        for (Declaration.Statement statement : text.statements()) {
            boolean yes = confirmed.contains(statement.id());
            statements.addCell(cell(yes ? words.getString("declaration.pdf.confirmed") : "—", PdfFonts.bold(10.5f), yes));
            statements.addCell(cell(statement.text().in(locale), body, false));
        }
        document.add(statements);

        JsonNode facts = answers.path("facts");
        if (!text.facts().isEmpty()) {
            document.add(new Paragraph(" ", small));
            document.add(new Paragraph(words.getString("declaration.pdf.facts"), PdfFonts.bold(11)));
            PdfPTable table = new PdfPTable(new float[] {40, 60});
            table.setWidthPercentage(100);
            for (Declaration.Fact fact : text.facts()) {
                table.addCell(cell(fact.label().in(locale), body, false));
                table.addCell(cell(factValue(fact, facts.path(fact.id()), locale), body, false));
            }
            document.add(table);
        }

        document.add(new Paragraph(" ", small));
        PdfPTable signer = new PdfPTable(new float[] {30, 70});
        signer.setWidthPercentage(100);
        row(signer, words.getString("declaration.pdf.signer"), signature.signer(), body);
        row(signer, words.getString("declaration.pdf.signed-at"), TIME.format(signature.signedAt()) + " (Asia/Tokyo)", body);
        row(signer, words.getString("declaration.pdf.revision"), signature.correctsId() == null
                ? words.getString("declaration.pdf.original")
                : format(words, "declaration.pdf.corrects", signature.revision(), signature.correctsId()), body);
        row(signer, words.getString("declaration.pdf.evidence"), "#" + record.seq() + "  " + record.hash(), PdfFonts.regular(8));
        document.add(signer);
        document.add(new Paragraph(" ", small));
        document.add(new Paragraph(format(words, "declaration.pdf.note", TIME.format(clock.instant()),
                CurrentPrincipal.require().displayName()), PdfFonts.regular(8)));
        document.close();
        return out.toByteArray();
    }

    private static String factValue(Declaration.Fact fact, JsonNode value, Locale locale) {
        if (value.isMissingNode() || value.isNull()) {
            return "—";
        }
        if (fact.type() == Declaration.FactType.CHOICE) {
            Map<String, String> labels = new java.util.HashMap<>();
            fact.choices().forEach(choice -> labels.put(choice.id(), choice.label().in(locale)));
            return String.join("、", value.valueStream().map(v -> labels.getOrDefault(v.asString(), v.asString())).toList());
        }
        return value.asString();
    }

    private static void row(PdfPTable table, String label, String value, Font font) {
        PdfPCell head = cell(label, PdfFonts.bold(10), false);
        head.setBackgroundColor(new Color(0xE8, 0xEE, 0xF5));
        table.addCell(head);
        table.addCell(cell(value, font, false));
    }

    private static PdfPCell cell(String content, Font font, boolean highlight) {
        PdfPCell cell = new PdfPCell(new Phrase(content, font));
        cell.setPadding(5);
        if (highlight) {
            cell.setBackgroundColor(new Color(0xE3, 0xF4, 0xE8));
        }
        return cell;
    }

    private static String format(ResourceBundle words, String key, Object... params) {
        return new MessageFormat(words.getString(key), words.getLocale()).format(params);
    }
}
