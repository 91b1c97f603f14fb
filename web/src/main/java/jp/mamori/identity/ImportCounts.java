package jp.mamori.identity;

import java.util.List;

/** How many departments and people an import creates, changes, deactivates and reactivates. */
public record ImportCounts(long departmentsCreated, long departmentsRenamed, long departmentsMoved, long managersSet,
                           long peopleCreated, long peopleChanged, long peopleDeactivated, long peopleReactivated) {

    static ImportCounts of(List<PlannedChange> changes) {
        return new ImportCounts(count(changes, PlannedChange.Kind.DEPARTMENT_CREATED),
                count(changes, PlannedChange.Kind.DEPARTMENT_RENAMED),
                count(changes, PlannedChange.Kind.DEPARTMENT_MOVED),
                count(changes, PlannedChange.Kind.DEPARTMENT_MANAGER_SET),
                count(changes, PlannedChange.Kind.PERSON_CREATED),
                changes.stream().filter(c -> c.kind() == PlannedChange.Kind.PERSON_CHANGED).map(PlannedChange::subject)
                        .distinct().count(),
                count(changes, PlannedChange.Kind.PERSON_DEACTIVATED),
                count(changes, PlannedChange.Kind.PERSON_REACTIVATED));
    }

    private static long count(List<PlannedChange> changes, PlannedChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    @Override
    public String toString() {
        return "departments created " + departmentsCreated + ", renamed " + departmentsRenamed + ", moved " + departmentsMoved
                + ", managers set " + managersSet + "; people created " + peopleCreated + ", changed " + peopleChanged
                + ", deactivated " + peopleDeactivated + ", reactivated " + peopleReactivated;
    }
}
