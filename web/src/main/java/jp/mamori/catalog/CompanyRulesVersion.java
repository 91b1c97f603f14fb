package jp.mamori.catalog;

import java.time.Instant;
import java.util.Map;

/** One published version of the company's rules: the values that fill the rules deck's template. */
public record CompanyRulesVersion(int version, String deckId, Map<String, String> values, boolean requiresReacknowledgement,
                                  Instant publishedAt, String publishedBy) {

    public CompanyRulesVersion {
        values = Map.copyOf(values);
    }
}
