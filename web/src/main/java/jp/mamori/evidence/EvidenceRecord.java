package jp.mamori.evidence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One link of the evidence chain, as stored. */
public record EvidenceRecord(
        long seq,
        Instant recordedAt,
        String kind,
        long subjectId,
        String subject,
        String actor,
        String itemRef,
        String itemVersion,
        String result,
        BigDecimal score,
        String detailsJson,
        Long correctsSeq,
        String prevHash,
        String hash) {

    /** The canonical JSON of everything in the record but its place in the chain (seq and hashes). */
    String canonicalJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actor", actor);
        body.put("correctsSeq", correctsSeq);
        body.put("details", new CanonicalJson.Raw(detailsJson));
        body.put("itemRef", itemRef);
        body.put("itemVersion", itemVersion);
        body.put("kind", kind);
        body.put("recordedAt", recordedAt.toString());
        body.put("result", result);
        body.put("score", score);
        body.put("subject", subject);
        body.put("subjectId", subjectId);
        return CanonicalJson.write(body);
    }

    /** The hash this record must carry given its content and its predecessor's hash. */
    String expectedHash() {
        return ChainHash.of(prevHash, seq, canonicalJson());
    }
}
