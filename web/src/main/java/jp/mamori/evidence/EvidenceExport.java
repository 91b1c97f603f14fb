package jp.mamori.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.export.TableExport;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence for an auditor to take away: a zip of {@code evidence.csv} (every record with its hashes, streamed
 * from the database row by row, so a million records need no more memory than one), {@code chain-head.json} (the
 * head and whether the chain verified at export time), {@code README.txt} (how to recompute the chain) and
 * {@code manifest.json} (size and SHA-256 of each file).
 */
@Service
public class EvidenceExport {

    static final List<String> COLUMNS = List.of("seq", "recorded_at_utc", "recorded_at_japan", "kind", "subject_id", "subject", "actor",
            "item_ref", "item_version", "result", "score", "details_json", "corrects_seq", "prev_hash", "hash");
    private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(FiscalYears.JAPAN);

    private final JdbcTemplate jdbc;
    private final EvidenceStore store;
    private final EvidenceVerifier verifier;
    private final AuditLog audit;
    private final Clock clock;
    private final String version;

    EvidenceExport(JdbcTemplate jdbc, EvidenceStore store, EvidenceVerifier verifier, AuditLog audit, Clock clock,
                   @Value("${mamori.version:0.1.0-SNAPSHOT}") String version) {
        this.jdbc = jdbc;
        this.store = store;
        this.verifier = verifier;
        this.audit = audit;
        this.clock = clock;
        this.version = version;
    }

    /** Writes the export zip to {@code out}; returns the number of records. */
    @PreAuthorize("hasAnyRole('AUDITOR', 'PRIVACY_OFFICER', 'TRAINING_ADMIN')")
    @Transactional(readOnly = true)
    public long write(OutputStream out) throws IOException {
        String who = CurrentPrincipal.require().email();
        Instant now = clock.instant();
        ChainVerification verification = verifier.verify();
        ChainHead head = store.head();
        List<Map<String, Object>> files = new ArrayList<>();
        long records;
        try (ZipOutputStream zip = new ZipOutputStream(new NotClosing(out), StandardCharsets.UTF_8)) {
            Entry csv = new Entry(zip, "evidence.csv");
            csv.write(TableExport.bom());
            csv.write(TableExport.csvRecord(COLUMNS).getBytes(StandardCharsets.UTF_8));
            long[] count = {0};
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("SELECT seq, recorded_at, kind, subject_id, subject, actor, item_ref, item_version, "
                        + "result, score, details, corrects_seq, prev_hash, hash FROM evidence_record WHERE seq <= ? ORDER BY seq",
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                statement.setLong(1, head.seq());
                statement.setFetchSize(1000);
                return statement;
            }, (RowCallbackHandler) rs -> {
                Instant at = UtcColumns.instant(rs.getObject(2, LocalDateTime.class));
                try {
                    csv.write(TableExport.csvRecord(Arrays.asList(rs.getLong(1), at.toString(), JAPAN_TIME.format(at), rs.getString(3),
                            rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getBigDecimal(10), rs.getString(11), rs.getObject(12), rs.getString(13), rs.getString(14)))
                            .getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                count[0]++;
            });
            records = count[0];
            files.add(csv.close());
            Entry headFile = new Entry(zip, "chain-head.json");
            headFile.write(json(Map.of("seq", head.seq(), "hash", head.hash(), "verifiedAt", verification.verifiedAt().toString(),
                    "intact", verification.intact(), "recordsChecked", verification.recordsChecked(),
                    "brokenAt", verification.brokenLink() == null ? "" : verification.brokenLink().seq() + " " + verification.brokenLink().problem()))
                    .getBytes(StandardCharsets.UTF_8));
            files.add(headFile.close());
            Entry readme = new Entry(zip, "README.txt");
            readme.write(README.getBytes(StandardCharsets.UTF_8));
            files.add(readme.close());
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("exportedAt", now.toString());
            manifest.put("exportedBy", who);
            manifest.put("software", "Mamori " + version);
            manifest.put("records", records);
            manifest.put("files", files);
            Entry manifestFile = new Entry(zip, "manifest.json");
            manifestFile.write(json(manifest).getBytes(StandardCharsets.UTF_8));
            manifestFile.close();
        }
        audit.record(AuditAction.DATA_EXPORTED, who, "evidence", records + " records up to #" + head.seq()
                + (verification.intact() ? ", chain intact" : ", chain BROKEN at #" + verification.brokenLink().seq()));
        return records;
    }

    private static String json(Map<String, ?> value) {
        return CanonicalJson.write(value) + "\n";
    }

    /** One file of the zip, counted and hashed as it is written. */
    private static final class Entry {

        private final ZipOutputStream zip;
        private final String name;
        private final MessageDigest digest;
        private long size;

        Entry(ZipOutputStream zip, String name) throws IOException {
            this.zip = zip;
            this.name = name;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            zip.putNextEntry(new ZipEntry(name));
        }

        void write(byte[] bytes) throws IOException {
            digest.update(bytes);
            size += bytes.length;
            zip.write(bytes);
        }

        Map<String, Object> close() throws IOException {
            zip.closeEntry();
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", name);
            file.put("bytes", size);
            file.put("sha256", HexFormat.of().formatHex(digest.digest()));
            return file;
        }
    }

    /** The zip is finished but the response stream is the servlet's to close. */
    private static final class NotClosing extends FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final String README = """
            Mamori evidence export / Mamori 証跡エクスポート

            evidence.csv     every evidence record, oldest first (UTF-8 with BOM, RFC 4180).
                             証跡の全記録(古い順、UTF-8 BOM付き)。
            chain-head.json  the chain head and whether the whole chain verified when this export was made.
                             エクスポート時のチェーン先頭と、全記録の検証結果。
            manifest.json    size and SHA-256 of each file, who exported and when.
                             各ファイルのサイズと SHA-256、エクスポートした人と日時。

            To check the chain yourself: for each record in order,
              hash = SHA-256( prev_hash || seq || canonical JSON of the record )
            where the canonical JSON holds actor, correctsSeq, details, itemRef, itemVersion, kind, recordedAt
            (UTC, ISO-8601), result, score, subject and subjectId with sorted keys and no whitespace, and the first
            prev_hash is 64 zeros. Each record's prev_hash must equal the previous record's hash, and the last hash
            must equal chain-head.json's hash. The exact rules are in docs/decisions/0002-evidence-hash-chain.md.

            チェーンの検証方法: 記録を順に、hash = SHA-256(prev_hash || seq || 記録の正規化JSON) で再計算し、
            各記録の prev_hash が直前の記録の hash と一致すること、最後の hash が chain-head.json の hash と
            一致することを確かめてください。詳細は docs/decisions/0002-evidence-hash-chain.md にあります。
            """;
}
