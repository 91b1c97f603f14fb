package jp.mamori.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the database holds about a fault journey's candidate, read straight from the tables (not through the
 * application under test): attempts, saved answers, the confirmation mail in the outbox. Times are UTC columns.
 */
final class ExamRecords {

    /** One attempt as stored: its state, deadline and, once closed, its score. */
    record Attempt(long id, String state, Instant deadline, BigDecimal score) {
    }

    private final FaultDatabase database;

    ExamRecords(FaultDatabase database) {
        this.database = database;
    }

    /** The link in the newest mail to the address, as the candidate would click it (the app has no SMTP server here). */
    String confirmationPath(String email) {
        List<String> bodies = database.query("SELECT o.body FROM mail_outbox o JOIN mail_log l ON l.id = o.mail_id "
                + "WHERE l.recipient = ? ORDER BY l.id DESC LIMIT 1", rs -> rs.getString(1), email);
        if (bodies.isEmpty()) {
            throw new AssertionError("no mail to " + email + " in the outbox");
        }
        Matcher link = Pattern.compile("/verify-email/[A-Za-z0-9_-]+").matcher(bodies.getFirst());
        if (!link.find()) {
            throw new AssertionError("no confirmation link in the mail to " + email);
        }
        return link.group();
    }

    /** Every attempt of the candidate at the exam, oldest first. */
    List<Attempt> attempts(String email, String examId) {
        return database.query("SELECT a.id, a.state, a.deadline, a.score FROM exam_attempt a JOIN app_user u ON u.id = a.user_id "
                        + "WHERE u.email = ? AND a.exam_id = ? ORDER BY a.id",
                rs -> new Attempt(rs.getLong(1), rs.getString(2), utc(rs.getObject(3, LocalDateTime.class)), rs.getBigDecimal(4)),
                email, examId);
    }

    /** The candidate's one attempt at the exam (fails when there is none or more than one). */
    Attempt onlyAttempt(String email, String examId) {
        List<Attempt> all = attempts(email, examId);
        if (all.size() != 1) {
            throw new AssertionError(email + " has " + all.size() + " attempts at " + examId + ", expected exactly one: " + all);
        }
        return all.getFirst();
    }

    /** Saved answers of an attempt: item id to the chosen option ids, comma-separated as stored. */
    Map<String, String> answers(long attemptId) {
        Map<String, String> answers = new TreeMap<>();
        database.query("SELECT item_id, answer FROM attempt_answer WHERE attempt_id = ?",
                rs -> answers.put(rs.getString(1), rs.getString(2)), attemptId);
        return answers;
    }

    int questions(long attemptId) {
        return database.query("SELECT COUNT(*) FROM attempt_item WHERE attempt_id = ?", rs -> rs.getInt(1), attemptId).getFirst();
    }

    Instant now() {
        return database.query("SELECT UTC_TIMESTAMP(6)", rs -> utc(rs.getObject(1, LocalDateTime.class))).getFirst();
    }

    /**
     * What a training administrator does on the exam page, written as SQL to keep the wait short: a booking window for
     * the exam that opened a minute ago and closes after {@code closesIn}, with the candidate booked into it. Their
     * deadline is then the window's close (min(start + time limit, window close)).
     */
    Instant openWindowClosingIn(String examId, String email, Duration closesIn) {
        Instant now = now();
        Instant closes = now.plus(closesIn);
        database.update("INSERT INTO exam_window (exam_id, opens_at, closes_at, capacity, created_by, created_at) VALUES (?,?,?,?,?,?)",
                examId, column(now.minus(Duration.ofMinutes(1))), column(closes), 10, "fault-journey", column(now));
        long window = database.query("SELECT MAX(id) FROM exam_window WHERE exam_id = ?", rs -> rs.getLong(1), examId).getFirst();
        database.update("INSERT INTO exam_booking (window_id, user_id, booked_at) SELECT ?, id, ? FROM app_user WHERE email = ?",
                window, column(now), email);
        return closes;
    }

    private static Instant utc(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime column(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
