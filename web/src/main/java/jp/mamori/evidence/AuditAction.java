package jp.mamori.evidence;

/** The security-relevant actions the audit log keeps (DESIGN.md §3). */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    USER_CREATED,
    ROLE_GRANTED,
    ROLE_REVOKED,
    PASSWORD_LINK_ISSUED,
    PASSWORD_SET,
    LANGUAGE_CHANGED,
    EVIDENCE_VERIFIED,
    CONTENT_PUBLISHED,
    EXAM_REQUEST_REFUSED,
    REGISTRATION_REQUESTED,
    EMAIL_VERIFIED,
    VERIFICATION_LINK_RESENT,
    PEOPLE_IMPORTED,
    USER_DEACTIVATED,
    USER_REACTIVATED,
    ANSWER_KEY_VIEWED,
    CERTIFICATE_REVOKED,
    CERTIFICATE_REQUEST_REFUSED,
    DATA_EXPORTED,
    REMINDER_SENT;

    public String labelKey() {
        return "audit.action." + name();
    }
}
