package jp.mamori.attestation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.mamori.content.Declaration;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import jp.mamori.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signatures on record: an examiner reads their own, the PMS office and the auditor read everyone's. */
@Service
public class Signatures {

    static final String OFFICE = "hasAnyRole('TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')";
    private static final String SELECT = "SELECT s.id, s.user_id, u.display_name, s.declaration_id, s.version, s.fiscal_year, "
            + "s.revision, s.corrects_id, s.answers, s.signed_at, s.evidence_seq FROM declaration_signature s "
            + "JOIN app_user u ON u.id = s.user_id ";

    private final DeclarationTexts texts;
    private final JdbcClient jdbc;

    Signatures(DeclarationTexts texts, JdbcClient jdbc) {
        this.texts = texts;
        this.jdbc = jdbc;
    }

    /** The signed-in examiner's signatures of a fiscal year, every revision, oldest first. */
    @PreAuthorize("hasRole('EXAMINER')")
    @Transactional(readOnly = true)
    public List<Signature> mine(int fiscalYear) {
        return of(CurrentPrincipal.require().id(), fiscalYear, "");
    }

    /** Anyone's signatures of a fiscal year, every revision, oldest first. */
    @PreAuthorize(OFFICE)
    @Transactional(readOnly = true)
    public List<Signature> of(long userId, int fiscalYear) {
        return of(userId, fiscalYear, "");
    }

    /**
     * One signature with the text version signed: the signer's own, or anyone's for the office and the auditor.
     * Someone else's signature is answered exactly like one that does not exist.
     */
    @PreAuthorize("hasAnyRole('EXAMINER', 'TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')")
    @Transactional(readOnly = true)
    public Optional<Signed> find(long signatureId) {
        MamoriPrincipal reader = CurrentPrincipal.require();
        boolean office = reader.roles().contains(Role.TRAINING_ADMIN) || reader.roles().contains(Role.PRIVACY_OFFICER)
                || reader.roles().contains(Role.AUDITOR);
        return jdbc.sql(SELECT + "WHERE s.id = ?").param(signatureId).query(Signatures::map).optional()
                .filter(signature -> office || signature.userId() == reader.id())
                .flatMap(signature -> texts.version(signature.declarationId(), signature.version())
                        .map(text -> new Signed(signature, text)));
    }

    /** A signature with the exact text that was signed. */
    public record Signed(Signature signature, Declaration text) {
    }

    private List<Signature> of(long userId, int fiscalYear, String extra) {
        return jdbc.sql(SELECT + "WHERE s.user_id = ? AND s.fiscal_year = ?" + extra + " ORDER BY s.declaration_id, s.revision")
                .params(userId, fiscalYear).query(Signatures::map).list();
    }

    /** Every signature of a fiscal year, for the roster. */
    List<Signature> all(int fiscalYear) {
        return jdbc.sql(SELECT + "WHERE s.fiscal_year = ? ORDER BY s.user_id, s.declaration_id, s.revision")
                .param(fiscalYear).query(Signatures::map).list();
    }

    private static Signature map(ResultSet rs, int row) throws SQLException {
        return new Signature(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                rs.getInt(7), rs.getObject(8) == null ? null : rs.getLong(8), rs.getString(9),
                UtcColumns.instant(rs.getObject(10, LocalDateTime.class)), rs.getLong(11));
    }
}
