package jp.mamori.questionbank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Draws a form for one candidate: for every domain and difficulty the number of active items the blueprint asks
 * for (shares rounded by largest remainder, so the counts add up exactly), at random, in random order. Refuses,
 * naming every shortfall, when the bank cannot fill the blueprint.
 */
public final class FormAssembler {

    private FormAssembler() {
    }

    public static List<Item> assemble(List<Item> bank, Blueprint blueprint, RandomGenerator random) {
        Map<String, Integer> perDomain = apportion(blueprint.items(), blueprint.domainWeights());
        List<Item> form = new ArrayList<>();
        List<String> shortfalls = new ArrayList<>();
        for (Map.Entry<String, Integer> domain : perDomain.entrySet()) {
            Map<Integer, Integer> perDifficulty = apportion(domain.getValue(), blueprint.difficultyMix());
            for (Map.Entry<Integer, Integer> cell : perDifficulty.entrySet()) {
                List<Item> pool = bank.stream()
                        .filter(item -> item.status() == ItemStatus.ACTIVE && item.domain().equals(domain.getKey())
                                && item.difficulty() == cell.getKey())
                        .collect(Collectors.toCollection(ArrayList::new));
                if (pool.size() < cell.getValue()) {
                    shortfalls.add("domain " + domain.getKey() + ", difficulty " + cell.getKey() + ": needs " + cell.getValue()
                            + " active items, the bank has " + pool.size());
                    continue;
                }
                Collections.shuffle(pool, random);
                form.addAll(pool.subList(0, cell.getValue()));
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new BlueprintException(blueprint, shortfalls);
        }
        Collections.shuffle(form, random);
        return form;
    }

    /** Splits {@code total} by percentage shares so the parts add up to {@code total} (largest remainder first). */
    static <K> Map<K, Integer> apportion(int total, Map<K, Integer> shares) {
        Map<K, Integer> counts = new LinkedHashMap<>();
        Map<K, Double> remainders = new LinkedHashMap<>();
        int assigned = 0;
        for (Map.Entry<K, Integer> share : shares.entrySet()) {
            double exact = total * share.getValue() / 100.0;
            counts.put(share.getKey(), (int) Math.floor(exact));
            remainders.put(share.getKey(), exact - Math.floor(exact));
            assigned += (int) Math.floor(exact);
        }
        List<K> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort(Comparator.comparingDouble((K k) -> remainders.get(k)).reversed());
        for (int i = 0; i < total - assigned; i++) {
            K key = byRemainder.get(i % byRemainder.size());
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    /** The bank cannot fill the blueprint; the message lists every domain and difficulty that falls short. */
    public static final class BlueprintException extends RuntimeException {

        private final transient List<String> shortfalls;

        BlueprintException(Blueprint blueprint, List<String> shortfalls) {
            super("the bank cannot fill the " + blueprint.name() + " blueprint: " + String.join("; ", shortfalls));
            this.shortfalls = List.copyOf(shortfalls);
        }

        public List<String> shortfalls() {
            return shortfalls;
        }
    }
}
