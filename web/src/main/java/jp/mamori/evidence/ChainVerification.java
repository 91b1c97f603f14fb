package jp.mamori.evidence;

import java.time.Instant;

/**
 * The outcome of recomputing the whole chain: how many records were checked, the head reached, and
 * the first broken link if any.
 */
public record ChainVerification(Instant verifiedAt, long recordsChecked, ChainHead head, BrokenLink brokenLink) {

    /** Why a link is broken. */
    public enum Problem {
        /** A sequence number is missing: a record was deleted. */
        MISSING_RECORD,
        /** The record does not point at its predecessor's hash: records were removed or reordered. */
        PREVIOUS_HASH_MISMATCH,
        /** The record's content no longer gives its stored hash: it was edited. */
        CONTENT_ALTERED,
        /** The chain head disagrees with the last record: records at the end were removed or added outside the ledger. */
        HEAD_MISMATCH
    }

    /** The first record (by sequence number) at which the chain does not hold, and a developer-facing description. */
    public record BrokenLink(long seq, Problem problem, String description) {
    }

    public boolean intact() {
        return brokenLink == null;
    }
}
