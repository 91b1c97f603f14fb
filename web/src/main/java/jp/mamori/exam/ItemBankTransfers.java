package jp.mamori.exam;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.questionbank.ContentPackage;
import jp.mamori.questionbank.Imported;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemParser;
import jp.mamori.questionbank.ItemYaml;
import jp.mamori.questionbank.MoodleXmlExporter;
import jp.mamori.questionbank.MoodleXmlImporter;
import jp.mamori.questionbank.Problem;
import jp.mamori.questionbank.QtiExporter;
import jp.mamori.questionbank.QtiImporter;
import jp.mamori.questionbank.QtiVersion;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Question banks in and out of Mamori for the training administrator: the bundled bank as QTI 3.0, QTI 2.1 or Moodle
 * XML (answer keys leave the system, so every export is audited), and a dry run of an uploaded QTI package or Moodle
 * XML file. Banks are files shipped with the application and published at start-up (see {@link ItemBanks}), so an
 * upload never changes the live bank: it yields the bank YAML file the author adds to the bank folder (decision 0016).
 */
@Service
public class ItemBankTransfers {

    private static final int MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

    private final ItemBanks banks;
    private final AuditLog auditLog;
    private final Clock clock;

    ItemBankTransfers(ItemBanks banks, AuditLog auditLog, Clock clock) {
        this.banks = banks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The largest upload {@link #preview} reads. */
    public static int maxUploadBytes() {
        return MAX_UPLOAD_BYTES;
    }

    /** The bundled banks' ids. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    public List<String> banks() {
        return banks.bankIds();
    }

    /** The bank in the format asked for, with its answer keys; recorded in the audit log. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    public BankFile export(String bankId, BankFormat format) {
        List<Item> items = banks.bank(bankId);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no bank " + bankId);
        }
        byte[] content = switch (format) {
            case QTI_30 -> ContentPackage.zip(QtiExporter.export(items, QtiVersion.V3P0));
            case QTI_21 -> ContentPackage.zip(QtiExporter.export(items, QtiVersion.V2P1));
            case MOODLE_XML -> MoodleXmlExporter.export(items).getBytes(StandardCharsets.UTF_8);
        };
        auditLog.record(AuditAction.ANSWER_KEY_EXPORTED, CurrentPrincipal.require().email(), "bank " + bankId,
                format.name() + ", " + items.size() + " items with their keys");
        return new BankFile(format.fileName(bankId), format.mimeType(), content);
    }

    /**
     * Reads an upload (a zip is a QTI content package, anything else Moodle XML) without storing anything. All or
     * nothing: any problem or unsupported question means no YAML file.
     */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    public ImportPreview preview(String bankId, String fileName, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        Imported imported;
        if (bytes.length > MAX_UPLOAD_BYTES) {
            problems.add(new Problem(fileName, 0, "larger than " + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB"));
            imported = new Imported(List.of(), List.of(), problems);
        } else if (isZip(bytes)) {
            imported = ContentPackage.unzip(fileName, bytes, problems)
                    .map(files -> new QtiImporter().read(files, today()))
                    .orElseGet(() -> new Imported(List.of(), List.of(), problems));
        } else {
            imported = new MoodleXmlImporter().read(fileName, new String(bytes, StandardCharsets.UTF_8), today());
        }
        List<String> found = new ArrayList<>();
        imported.problems().forEach(p -> found.add(p.toString()));
        imported.unsupported().forEach(u -> found.add(u.toString()));
        if (found.isEmpty() && imported.items().isEmpty()) {
            found.add(new Problem(fileName, 0, "no questions found: upload a QTI package (zip with imsmanifest.xml) or a Moodle XML file").toString());
        }
        Map<String, Integer> inBank = banks.bank(bankId).stream().collect(Collectors.toMap(Item::id, Item::version, Math::max));
        List<ImportPreview.PreviewedItem> items = imported.items().stream()
                .map(item -> new ImportPreview.PreviewedItem(item, inBank.getOrDefault(item.id(), 0))).toList();
        Optional<BankFile> yaml = Optional.empty();
        if (found.isEmpty()) {
            String name = ItemYaml.fileName(fileName);
            String text = ItemYaml.write(imported.items());
            new ItemParser().parse(name, text).problems().forEach(p -> found.add(p.toString()));
            if (found.isEmpty()) {
                yaml = Optional.of(new BankFile(name, "application/yaml", text.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new ImportPreview(fileName, items, found, yaml);
    }

    /** Imported items are true as of today in Japan. */
    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(FiscalYears.JAPAN));
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }
}
