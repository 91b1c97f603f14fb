package jp.mamori.attestation;

import java.time.Instant;

/** One stored signature of a declaration: the exact text version, the revision and what it corrects, the answers. */
public record Signature(long id, long userId, String signer, String declarationId, int version, int fiscalYear,
                        int revision, Long correctsId, String answersJson, Instant signedAt, long evidenceSeq) {
}
