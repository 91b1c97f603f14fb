package jp.mamori.mail;

/** What became of a mail: handed to the SMTP server, kept in the outbox (no server configured), or not sent. */
public enum MailStatus {
    SENT,
    OUTBOX,
    FAILED;

    /** Translation key of the status. */
    public String labelKey() {
        return "outbox.status." + name();
    }
}
