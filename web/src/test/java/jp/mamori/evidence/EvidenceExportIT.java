package jp.mamori.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.shared.Sha256;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The auditor's evidence export: the manifest matches the files, and the CSV alone recomputes the chain head. */
@MamoriIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EvidenceExportIT {

    @Autowired
    EvidenceExport export;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void the_export_carries_every_record_a_manifest_that_matches_and_a_chain_that_recomputes_to_its_head() throws Exception {
        users.loginAs("export-learner@example.jp", Role.LEARNER);
        for (int i = 0; i < 30; i++) {
            ledger.append(new EvidenceEntry("CHECK_RESULT", 1, "export-learner@example.jp", "export-learner@example.jp", "deck:x", "1",
                    i % 2 == 0 ? "PASSED" : "FAILED", BigDecimal.valueOf(60 + i), Map.of("attempt", i, "note", "行" + i + ", \"引用\""), null));
        }
        users.loginAs("export-auditor@example.jp", Role.AUDITOR);

        Map<String, byte[]> files = unzip(exportBytes());

        assertThat(files).containsOnlyKeys("evidence.csv", "chain-head.json", "README.txt", "manifest.json");
        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertThat(manifest.path("files").valueStream().map(f -> f.path("name").asString()).toList())
                .containsExactly("evidence.csv", "chain-head.json", "README.txt");
        for (JsonNode file : manifest.path("files").valueStream().toList()) {
            byte[] bytes = files.get(file.path("name").asString());
            assertThat(file.path("bytes").asLong()).isEqualTo(bytes.length);
            assertThat(file.path("sha256").asString()).isEqualTo(Sha256.hex(bytes));
        }
        JsonNode head = json.readTree(files.get("chain-head.json"));
        assertThat(head.path("intact").asBoolean()).isTrue();
        List<List<String>> rows = csv(new String(files.get("evidence.csv"), 3, files.get("evidence.csv").length - 3, StandardCharsets.UTF_8));
        assertThat(rows.getFirst()).containsExactlyElementsOf(EvidenceExport.COLUMNS);
        long stored = jdbc.sql("SELECT COUNT(*) FROM evidence_record").query(Long.class).single();
        assertThat(stored).isGreaterThanOrEqualTo(30);
        assertThat(rows).hasSize((int) stored + 1);
        String previous = "0".repeat(64);
        for (List<String> row : rows.subList(1, rows.size())) {
            EvidenceRecord record = new EvidenceRecord(Long.parseLong(row.get(0)), Instant.parse(row.get(1)), row.get(3),
                    Long.parseLong(row.get(4)), row.get(5), row.get(6), row.get(7), row.get(8), row.get(9),
                    row.get(10).isEmpty() ? null : new BigDecimal(row.get(10)), row.get(11), row.get(12).isEmpty() ? null : Long.valueOf(row.get(12)),
                    row.get(13), row.get(14));
            assertThat(record.prevHash()).isEqualTo(previous);
            assertThat(record.expectedHash()).as("record " + record.seq()).isEqualTo(record.hash());
            previous = record.hash();
        }
        assertThat(head.path("hash").asString()).isEqualTo(previous);
        assertThat(manifest.path("records").asLong()).isEqualTo(stored);
    }

    @Test
    void an_export_after_a_record_was_edited_in_the_database_says_where_the_chain_breaks() throws Exception {
        users.loginAs("export-learner2@example.jp", Role.LEARNER);
        ledger.append(new EvidenceEntry("CHECK_RESULT", 1, "a@example.jp", "a@example.jp", "deck:x", "1", "PASSED", null, Map.of(), null));
        long seq = jdbc.sql("SELECT MAX(seq) FROM evidence_record").query(Long.class).single();
        jdbc.sql("UPDATE evidence_record SET result = 'FAILED' WHERE seq = ?").param(seq).update();
        users.loginAs("export-officer@example.jp", Role.PRIVACY_OFFICER);

        JsonNode head = json.readTree(unzip(exportBytes()).get("chain-head.json"));

        assertThat(head.path("intact").asBoolean()).isFalse();
        assertThat(head.path("brokenAt").asString()).startsWith(seq + " CONTENT_ALTERED");
        jdbc.sql("UPDATE evidence_record SET result = 'PASSED' WHERE seq = ?").param(seq).update();
    }

    @Test
    void only_the_office_and_the_auditor_export_evidence() {
        for (Role role : new Role[] {Role.LEARNER, Role.EXAMINER, Role.CANDIDATE, Role.SYSTEM_ADMIN}) {
            users.loginAs("export-" + role.name().toLowerCase() + "@example.jp", role);
            assertThatThrownBy(() -> export.write(new ByteArrayOutputStream())).as(role.name()).isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    private byte[] exportBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    /** RFC 4180, as Excel and any auditor's tool reads it. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
