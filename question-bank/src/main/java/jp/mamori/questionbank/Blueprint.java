package jp.mamori.questionbank;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a form must contain: how many items, the share of each domain and of each difficulty (in percent).
 * The defaults are CONTENT.md's: standard 60 items, expert 80 items, the same domain weights, expert with more
 * difficulty-3 items.
 */
public record Blueprint(String name, int items, Map<String, Integer> domainWeights, Map<Integer, Integer> difficultyMix) {

    public static final Map<String, Integer> DEFAULT_WEIGHTS = weights();

    public Blueprint {
        domainWeights = Map.copyOf(domainWeights);
        difficultyMix = Map.copyOf(difficultyMix);
        if (items < 1) {
            throw new IllegalArgumentException("a form has at least one item");
        }
        if (domainWeights.values().stream().mapToInt(Integer::intValue).sum() != 100) {
            throw new IllegalArgumentException("domain weights must add up to 100, not " + domainWeights.values().stream().mapToInt(Integer::intValue).sum());
        }
        if (difficultyMix.values().stream().mapToInt(Integer::intValue).sum() != 100) {
            throw new IllegalArgumentException("the difficulty mix must add up to 100");
        }
    }

    public static Blueprint standard() {
        return new Blueprint("standard", 60, DEFAULT_WEIGHTS, Map.of(1, 40, 2, 45, 3, 15));
    }

    public static Blueprint expert() {
        return new Blueprint("expert", 80, DEFAULT_WEIGHTS, Map.of(1, 15, 2, 45, 3, 40));
    }

    private static Map<String, Integer> weights() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("appi-duties", 25);
        weights.put("appi-breaches-rights", 15);
        weights.put("pms", 20);
        weights.put("safety-measures", 20);
        weights.put("incidents", 10);
        weights.put("manager-auditor", 10);
        return weights;
    }
}
