package jp.mamori.identity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a dry run: the encoding read for each file, every change the import would make and every problem
 * found. Only a plan without problems can be confirmed, and only while the database still gives the same changes.
 */
public record ImportPlan(ImportRequest request, Map<ImportFile, String> encodings, List<PlannedChange> changes,
                         List<ImportProblem> problems) {

    public ImportPlan {
        // In file order (departments first), as the dry run lists them.
        EnumMap<ImportFile, String> ordered = new EnumMap<>(ImportFile.class);
        ordered.putAll(encodings);
        encodings = Collections.unmodifiableMap(ordered);
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }

    public ImportCounts counts() {
        return ImportCounts.of(changes);
    }

    public boolean confirmable() {
        return problems.isEmpty() && !changes.isEmpty();
    }
}
