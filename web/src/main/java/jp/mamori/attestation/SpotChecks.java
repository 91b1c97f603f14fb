package jp.mamori.attestation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.content.Declaration;
import jp.mamori.evidence.EvidenceEntry;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spot checks of declarations that state a fact which can be checked (a disposal date and method): the seeds show
 * why — disposal declarations were trusted without checking. Each check is appended and recorded as evidence; the
 * newest check of a person's declaration in a year decides whether a discrepancy is open.
 */
@Service
public class SpotChecks {

    static final int NOTE_LIMIT = 2000;

    private final Signatures signatures;
    private final EvidenceLedger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;

    SpotChecks(Signatures signatures, EvidenceLedger ledger, JdbcClient jdbc, Clock clock) {
        this.signatures = signatures;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether a declaration states something a check can confirm: it asks for a date (when material was destroyed). */
    public static boolean checkable(Declaration declaration) {
        return declaration.facts().stream().anyMatch(fact -> fact.type() == Declaration.FactType.DATE);
    }

    /**
     * Records the outcome of a check on a signature. A note is required for a discrepancy and a resolution; a
     * resolution only follows an open discrepancy. Refusals change nothing.
     */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public SpotCheck record(long signatureId, SpotCheck.Outcome outcome, String note) {
        MamoriPrincipal admin = CurrentPrincipal.require();
        String text = note == null ? "" : note.strip();
        if (text.length() > NOTE_LIMIT) {
            throw new DeclarationException("spotcheck.error.note-too-long", NOTE_LIMIT);
        }
        if (text.isEmpty() && outcome != SpotCheck.Outcome.CONFIRMED) {
            throw new DeclarationException("spotcheck.error.note-required");
        }
        Signatures.Signed signed = signatures.find(signatureId).orElseThrow(() -> new DeclarationException("declaration.error.unknown"));
        Signature signature = signed.signature();
        if (!checkable(signed.text())) {
            throw new DeclarationException("spotcheck.error.not-checkable");
        }
        // One check at a time per person: the newest decides, so two admins must not interleave.
        jdbc.sql("SELECT id FROM app_user WHERE id = ? FOR UPDATE").param(signature.userId()).query(Long.class).single();
        boolean open = open(signature.fiscalYear()).getOrDefault(signature.userId(), Set.of()).contains(signature.declarationId());
        if (outcome == SpotCheck.Outcome.RESOLVED && !open) {
            throw new DeclarationException("spotcheck.error.nothing-to-resolve");
        }
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("signature", signatureId);
        details.put("fiscalYear", signature.fiscalYear());
        details.put("note", text);
        String email = jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(signature.userId()).query(String.class).single();
        EvidenceRecord record = ledger.append(new EvidenceEntry("SPOT_CHECK_RECORDED", signature.userId(), email, admin.email(),
                "declaration:" + signature.declarationId(), String.valueOf(signature.version()), outcome.name(), null, details,
                signature.evidenceSeq()));
        jdbc.sql("INSERT INTO spot_check (signature_id, user_id, fiscal_year, outcome, note, checked_by, checked_at, evidence_seq) "
                        + "VALUES (?,?,?,?,?,?,?,?)")
                .params(signatureId, signature.userId(), signature.fiscalYear(), outcome.name(), text, admin.email(),
                        UtcColumns.of(now), record.seq())
                .update();
        long id = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        return new SpotCheck(id, signatureId, signature.userId(), signature.declarationId(), signature.fiscalYear(), outcome,
                text, admin.email(), now);
    }

    /** A person's checks in a fiscal year, oldest first. */
    @PreAuthorize(Signatures.OFFICE)
    @Transactional(readOnly = true)
    public List<SpotCheck> of(long userId, int fiscalYear) {
        return checks("c.user_id = ? AND c.fiscal_year = ?", userId, fiscalYear);
    }

    /** The signed-in examiner's checks in a fiscal year, so they see what was found. */
    @PreAuthorize("hasRole('EXAMINER')")
    @Transactional(readOnly = true)
    public List<SpotCheck> mine(int fiscalYear) {
        return checks("c.user_id = ? AND c.fiscal_year = ?", CurrentPrincipal.require().id(), fiscalYear);
    }

    /** Declarations with an open discrepancy in a fiscal year, by person: the newest check of each says DISCREPANCY. */
    Map<Long, Set<String>> open(int fiscalYear) {
        Map<String, SpotCheck> newest = new HashMap<>();
        for (SpotCheck check : checks("c.fiscal_year = ?", fiscalYear)) {
            newest.put(check.userId() + "/" + check.declarationId(), check);
        }
        Map<Long, Set<String>> open = new HashMap<>();
        newest.values().stream().filter(check -> check.outcome() == SpotCheck.Outcome.DISCREPANCY)
                .forEach(check -> open.computeIfAbsent(check.userId(), id -> new HashSet<>()).add(check.declarationId()));
        return open;
    }

    private List<SpotCheck> checks(String where, Object... params) {
        return jdbc.sql("SELECT c.id, c.signature_id, c.user_id, s.declaration_id, c.fiscal_year, c.outcome, c.note, "
                        + "c.checked_by, c.checked_at FROM spot_check c JOIN declaration_signature s ON s.id = c.signature_id "
                        + "WHERE " + where + " ORDER BY c.id")
                .params(params)
                .query((rs, n) -> new SpotCheck(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                        SpotCheck.Outcome.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                        UtcColumns.instant(rs.getObject(9, LocalDateTime.class))))
                .list();
    }
}
