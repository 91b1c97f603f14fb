package jp.mamori.exam;

import java.time.Instant;
import java.util.List;

/**
 * The item analysis of one exam (every version) over the attempts closed in a period ({@code from} inclusive,
 * {@code to} exclusive, either open when null), with the response threshold that was applied.
 */
public record ItemAnalysisReport(String examId, Instant from, Instant to, int attempts, int minResponses,
                                 List<ItemStatistics> items) {

    public ItemAnalysisReport {
        items = List.copyOf(items);
    }

    public List<ItemStatistics> flaggedOnly() {
        return items.stream().filter(ItemStatistics::flagged).toList();
    }
}
