package jp.mamori.xapi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.mamori.evidence.EvidenceRecord;

/**
 * Turns an evidence record into the xAPI 1.0.3 statement that says the same: the person by e-mail, an ADL (or
 * Activity Streams) verb, the exact deck, exam or declaration version as the activity, the score and success. The
 * statement id is derived from the installation and the record's place in the chain, so sending a record twice gives
 * the same statement and the store keeps one.
 */
final class Statements {

    static final String ADL = "http://adlnet.gov/expapi/verbs/";

    private final String activityBase;

    Statements(String baseUrl) {
        this.activityBase = baseUrl.replaceAll("/+$", "") + "/xapi/activities/";
    }

    /** The statement for a record, or none for records that are not learning events (certificate issue, revocation). */
    Optional<Map<String, Object>> of(EvidenceRecord record) {
        Optional<Verb> verb = verb(record);
        if (verb.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("id", id(record).toString());
        statement.put("actor", Map.of("objectType", "Agent", "mbox", "mailto:" + record.subject()));
        statement.put("verb", Map.of("id", verb.get().iri(), "display", Map.of("en-US", verb.get().display())));
        statement.put("object", activity(record));
        result(record).ifPresent(result -> statement.put("result", result));
        statement.put("timestamp", record.recordedAt().toString());
        statement.put("context", Map.of("platform", "Mamori", "language", "ja-JP",
                "extensions", Map.of(activityBase.replace("/activities/", "/extensions/") + "evidence-seq", record.seq())));
        return Optional.of(statement);
    }

    UUID id(EvidenceRecord record) {
        return UUID.nameUUIDFromBytes((activityBase + "#" + record.seq() + "#" + record.hash()).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Verb> verb(EvidenceRecord record) {
        return Optional.ofNullable(switch (record.kind()) {
            case "DECK_COMPLETED" -> new Verb(ADL + "completed", "completed");
            case "CHECK_RESULT", "EXAM_RESULT" -> "PASSED".equals(record.result())
                    ? new Verb(ADL + "passed", "passed") : new Verb(ADL + "failed", "failed");
            case "EXAM_ABANDONED" -> new Verb("https://w3id.org/xapi/adl/verbs/abandoned", "abandoned");
            case "RULES_ACKNOWLEDGED", "DECLARATION_SIGNED", "DECLARATION_CORRECTED" -> new Verb("http://activitystrea.ms/schema/1.0/accept", "accepted");
            default -> null;
        });
    }

    private Map<String, Object> activity(EvidenceRecord record) {
        String ref = record.itemRef();
        String type = ref.startsWith("exam:") ? "http://adlnet.gov/expapi/activities/assessment"
                : ref.startsWith("deck:") ? "http://adlnet.gov/expapi/activities/course"
                : "http://adlnet.gov/expapi/activities/policy";
        String path = ref.replace(':', '/');
        return Map.of("objectType", "Activity",
                "id", activityBase + path + "/v" + record.itemVersion(),
                "definition", Map.of("type", type, "name", Map.of("en-US", ref + " v" + record.itemVersion())));
    }

    private static Optional<Map<String, Object>> result(EvidenceRecord record) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (record.score() != null) {
            BigDecimal raw = record.score().stripTrailingZeros();
            result.put("score", Map.of("scaled", record.score().divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP),
                    "raw", raw, "min", 0, "max", 100));
        }
        switch (record.result()) {
            case "PASSED" -> result.put("success", true);
            case "FAILED" -> result.put("success", false);
            case "COMPLETED", "ACKNOWLEDGED", "SIGNED" -> result.put("completion", true);
            default -> {
            }
        }
        return result.isEmpty() ? Optional.empty() : Optional.of(result);
    }

    private record Verb(String iri, String display) {
    }
}
