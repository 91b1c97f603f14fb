package jp.mamori.attestation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Where an examiner stands in a fiscal year: the modules of the curriculum completed and missing, the declarations
 * signed and missing, the declarations with an open spot-check discrepancy. Cleared to review only with nothing missing
 * and nothing open.
 */
public record Clearance(long userId, String name, String email, boolean active, int fiscalYear, LocalDate deadline,
                        List<String> modulesDone, List<String> modulesMissing, List<String> declarationsSigned,
                        List<String> declarationsMissing, Set<String> discrepancies) {

    public Clearance {
        modulesDone = List.copyOf(modulesDone);
        modulesMissing = List.copyOf(modulesMissing);
        declarationsSigned = List.copyOf(declarationsSigned);
        declarationsMissing = List.copyOf(declarationsMissing);
        discrepancies = Set.copyOf(discrepancies);
    }

    public boolean cleared() {
        return modulesMissing.isEmpty() && declarationsMissing.isEmpty() && discrepancies.isEmpty();
    }

    public int modulesTotal() {
        return modulesDone.size() + modulesMissing.size();
    }

    public int declarationsTotal() {
        return declarationsSigned.size() + declarationsMissing.size();
    }
}
