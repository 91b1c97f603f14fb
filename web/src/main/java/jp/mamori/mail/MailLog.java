package jp.mamori.mail;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of every mail (sent, put in the outbox, or failed) and the outbox itself. Writes commit on their own,
 * so a mail that left the server stays logged even when the caller's work is rolled back.
 */
@Service
public class MailLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The newest mail first, with the text of outbox mail; for the PMS office and operators. */
    @PreAuthorize("hasAnyRole('TRAINING_ADMIN','SYSTEM_ADMIN')")
    @Transactional(readOnly = true)
    public List<MailEntry> recent(int limit) {
        return jdbc.sql("SELECT l.id, l.created_at, l.recipient, l.language, l.template, l.subject, l.status, l.detail, o.body"
                        + " FROM mail_log l LEFT JOIN mail_outbox o ON o.mail_id = l.id ORDER BY l.id DESC LIMIT :limit")
                .param("limit", Math.clamp(limit, 1, 5000))
                .query((rs, n) -> new MailEntry(rs.getLong(1), UtcColumns.instant(rs.getObject(2, LocalDateTime.class)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        MailStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9)))
                .list();
    }

    /** What Mamori sent the signed-in person (subjects and times; never the text, which may hold one-time links). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MailEntry> mine(int limit) {
        return jdbc.sql("SELECT id, created_at, recipient, language, template, subject, status, detail FROM mail_log "
                        + "WHERE recipient = :recipient ORDER BY id DESC LIMIT :limit")
                .param("recipient", CurrentPrincipal.require().email())
                .param("limit", Math.clamp(limit, 1, 500))
                .query((rs, n) -> new MailEntry(rs.getLong(1), UtcColumns.instant(rs.getObject(2, LocalDateTime.class)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        MailStatus.valueOf(rs.getString(7)), rs.getString(8), null))
                .list();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void logged(String recipient, Locale language, String template, RenderedMail mail, MailStatus status, String detail) {
        insert(recipient, language, template, mail, status, detail);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void outboxed(String recipient, Locale language, String template, RenderedMail mail) {
        long id = insert(recipient, language, template, mail, MailStatus.OUTBOX, null);
        jdbc.sql("INSERT INTO mail_outbox (mail_id, body) VALUES (?, ?)").params(id, mail.body()).update();
    }

    private long insert(String recipient, Locale language, String template, RenderedMail mail, MailStatus status,
                        String detail) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO mail_log (created_at, recipient, language, template, subject, status, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(UtcColumns.of(clock.instant().truncatedTo(ChronoUnit.MICROS)), truncate(recipient, 254),
                        language.getLanguage(), template, truncate(mail.subject(), 300), status.name(), truncate(detail, 1000))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
