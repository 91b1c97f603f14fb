package jp.mamori.evidence;

import java.time.Instant;

/** One line of the audit log. */
public record AuditEntry(long id, Instant occurredAt, AuditAction action, String actor, String target,
                         String detail, String remoteAddress) {
}
