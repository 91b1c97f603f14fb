package jp.mamori.attestation;

import java.time.Instant;

/** What the office found when it checked a signed declaration against reality. */
public record SpotCheck(long id, long signatureId, long userId, String declarationId, int fiscalYear, Outcome outcome,
                        String note, String checkedBy, Instant checkedAt) {

    public enum Outcome {
        /** The declaration matches what was checked (e.g. the disposal certificate or the media were seen). */
        CONFIRMED,
        /** It does not: the examiner is not cleared until a later check confirms or resolves it. */
        DISCREPANCY,
        /** The discrepancy was dealt with (how, in the note). */
        RESOLVED;

        public String labelKey() {
            return "spotcheck.outcome." + name();
        }
    }
}
