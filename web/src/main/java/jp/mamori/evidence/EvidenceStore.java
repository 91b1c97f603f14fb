package jp.mamori.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.mamori.shared.db.UtcColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the ledger. It inserts and reads records; there is deliberately no statement that updates
 * or deletes one. The only row ever updated is the chain head.
 */
@Repository
class EvidenceStore {

    private static final String COLUMNS = "seq, recorded_at, kind, subject_id, subject, actor, item_ref, "
            + "item_version, result, score, details, corrects_seq, prev_hash, hash";

    private final JdbcClient jdbc;

    EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the head row until the transaction ends: appends queue here, one at a time. */
    ChainHead lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM evidence_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .single();
    }

    ChainHead head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM evidence_chain_head WHERE id = 1")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .single();
    }

    void insert(EvidenceRecord r) {
        jdbc.sql("INSERT INTO evidence_record (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.seq(), UtcColumns.of(r.recordedAt()), r.kind(), r.subjectId(),
                        r.subject(), r.actor(), r.itemRef(), r.itemVersion(), r.result(), r.score(),
                        r.detailsJson(), r.correctsSeq(), r.prevHash(), r.hash())
                .update();
    }

    void moveHead(long seq, String hash) {
        jdbc.sql("UPDATE evidence_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(seq, hash)
                .update();
    }

    /** Records in chain order after {@code afterSeq}, at most {@code limit}: the verifier pages with this. */
    List<EvidenceRecord> page(long afterSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_record WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(afterSeq, limit)
                .query(EvidenceStore::map)
                .list();
    }

    List<EvidenceRecord> ofSubject(long subjectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_record WHERE subject_id = ? ORDER BY seq DESC")
                .param(subjectId)
                .query(EvidenceStore::map)
                .list();
    }

    Optional<EvidenceRecord> find(long seq) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_record WHERE seq = ?").param(seq)
                .query(EvidenceStore::map).optional();
    }

    List<EvidenceRecord> after(long seq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_record WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(seq, limit)
                .query(EvidenceStore::map)
                .list();
    }

    List<EvidenceRecord> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_record ORDER BY seq DESC LIMIT ?")
                .param(limit)
                .query(EvidenceStore::map)
                .list();
    }

    private static EvidenceRecord map(ResultSet rs, int row) throws SQLException {
        return new EvidenceRecord(
                rs.getLong("seq"),
                UtcColumns.instant(rs.getObject("recorded_at", LocalDateTime.class)),
                rs.getString("kind"),
                rs.getLong("subject_id"),
                rs.getString("subject"),
                rs.getString("actor"),
                rs.getString("item_ref"),
                rs.getString("item_version"),
                rs.getString("result"),
                rs.getBigDecimal("score"),
                rs.getString("details"),
                rs.getObject("corrects_seq", Long.class),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
