package jp.mamori.evidence;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.mamori.shared.db.UtcColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log of security-relevant actions (logins, failed logins, lockouts, role changes, ...),
 * kept apart from the evidence ledger. Every action is also written to the application log.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("jp.mamori.audit");

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action. Open to every caller, logged in or not, since failed logins must be logged too;
     * it commits on its own so a rollback of the caller's work does not erase the trace.
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditAction action, String actor, String target, String detail) {
        String remote = remoteAddress();
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO audit_log (occurred_at, action, actor, target, detail, remote_address) VALUES (?,?,?,?,?,?)")
                .params(UtcColumns.of(clock.instant().truncatedTo(ChronoUnit.MICROS)),
                        action.name(), truncate(actor, 254), truncate(target, 254), truncate(detail, 1000), remote)
                .update(id);
        // The log names the entry, not the people or addresses in it: those stay in the table, behind its roles.
        log.info("audit {} (audit_log #{})", action, id.getKey());
    }

    /** The newest entries first, optionally of one action only. */
    @PreAuthorize("hasAnyRole('AUDITOR','PRIVACY_OFFICER','SYSTEM_ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(AuditAction action, int limit) {
        String where = action == null ? "" : " WHERE action = :action";
        var statement = jdbc.sql("SELECT id, occurred_at, action, actor, target, detail, remote_address FROM audit_log"
                + where + " ORDER BY id DESC LIMIT :limit").param("limit", Math.clamp(limit, 1, 5000));
        if (action != null) {
            statement = statement.param("action", action.name());
        }
        return statement.query((rs, n) -> new AuditEntry(rs.getLong(1),
                        UtcColumns.instant(rs.getObject(2, LocalDateTime.class)),
                        AuditAction.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
