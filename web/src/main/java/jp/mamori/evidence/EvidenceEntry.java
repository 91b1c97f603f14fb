package jp.mamori.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * What a module hands the ledger: who ({@code subjectId}/{@code subject}, acted on by {@code actor}),
 * what ({@code kind}, {@code itemRef} at {@code itemVersion}), the {@code result} and optional score,
 * free details, and for a correction the sequence number of the record it corrects.
 * Names are copied in, so a record stays readable after the person's account changes.
 */
public record EvidenceEntry(
        String kind,
        long subjectId,
        String subject,
        String actor,
        String itemRef,
        String itemVersion,
        String result,
        BigDecimal score,
        Map<String, Object> details,
        Long correctsSeq) {

    public EvidenceEntry {
        requireText(kind, "kind", 40);
        requireText(subject, "subject", 254);
        requireText(actor, "actor", 254);
        requireText(itemRef, "itemRef", 200);
        requireText(itemVersion, "itemVersion", 50);
        requireText(result, "result", 40);
        score = score == null ? null : score.setScale(2, RoundingMode.HALF_UP);
        details = details == null ? Map.of() : Map.copyOf(details);
        if (correctsSeq != null && correctsSeq < 1) {
            throw new IllegalArgumentException("correctsSeq must name an existing record (>= 1): " + correctsSeq);
        }
    }

    /** An entry that corrects an earlier record: records are never edited, a correction is a new record. */
    public EvidenceEntry correcting(long seq) {
        return new EvidenceEntry(kind, subjectId, subject, actor, itemRef, itemVersion, result, score, details, seq);
    }

    private static void requireText(String value, String name, int maxLength) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be 1.." + maxLength + " characters: '" + value + "'");
        }
    }
}
