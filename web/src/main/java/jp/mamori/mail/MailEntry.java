package jp.mamori.mail;

import java.time.Instant;

/** One logged mail; {@code body} only for mail in the outbox (the text of sent mail is not kept). */
public record MailEntry(long id, Instant createdAt, String recipient, String language, String template, String subject,
                        MailStatus status, String detail, String body) {
}
