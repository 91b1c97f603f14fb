package jp.mamori.assignment;

import java.time.LocalDate;
import java.util.Set;
import jp.mamori.identity.People;
import jp.mamori.shared.Role;

/**
 * One line of an education plan. A person is meant by the line when named, or when they hold one of its roles (if
 * any are listed) and belong to one of its departments (if any are listed) — so "every LEARNER", "everyone in Sales",
 * "LEARNERs in Sales" and "these three people" can all be said.
 */
public record PlanLine(Long id, ItemKind kind, String itemId, Set<Role> roles, Set<Long> departments, Set<Long> people,
                       LocalDate periodStart, LocalDate periodEnd, LocalDate due, boolean recurring) {

    public PlanLine {
        roles = Set.copyOf(roles);
        departments = Set.copyOf(departments);
        people = Set.copyOf(people);
    }

    boolean means(People.Member member) {
        if (!member.active()) {
            return false;
        }
        if (people.contains(member.id())) {
            return true;
        }
        if (roles.isEmpty() && departments.isEmpty()) {
            return false;
        }
        boolean role = roles.isEmpty() || member.roles().stream().anyMatch(roles::contains);
        boolean department = departments.isEmpty() || (member.departmentId() != null && departments.contains(member.departmentId()));
        return role && department;
    }

    PlanLine withId(Long newId) {
        return new PlanLine(newId, kind, itemId, roles, departments, people, periodStart, periodEnd, due, recurring);
    }

    PlanLine nextYear() {
        return new PlanLine(null, kind, itemId, roles, departments, people, periodStart.plusYears(1), periodEnd.plusYears(1),
                due.plusYears(1), true);
    }
}
