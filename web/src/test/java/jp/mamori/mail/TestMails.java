package jp.mamori.mail;

import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.shared.db.UtcColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the mail log and outbox of the test database directly, as a person reading their mailbox would. */
@Component
public class TestMails {

    private static final Pattern VERIFY_LINK = Pattern.compile("https?://\\S+/verify-email/([A-Za-z0-9_-]+)");

    private final JdbcClient jdbc;

    TestMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every mail logged for this address, newest first, with the text when it is in the outbox. */
    public List<MailEntry> to(String recipient) {
        return jdbc.sql("SELECT l.id, l.created_at, l.recipient, l.language, l.template, l.subject, l.status, l.detail, o.body"
                        + " FROM mail_log l LEFT JOIN mail_outbox o ON o.mail_id = l.id WHERE l.recipient = ? ORDER BY l.id DESC")
                .param(recipient)
                .query((rs, n) -> new MailEntry(rs.getLong(1), UtcColumns.instant(rs.getObject(2, LocalDateTime.class)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        MailStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9)))
                .list();
    }

    /** The token of the confirmation link in a mail text. */
    public static String verificationToken(String body) {
        Matcher matcher = VERIFY_LINK.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no confirmation link in the mail:\n" + body);
        }
        return matcher.group(1);
    }
}
