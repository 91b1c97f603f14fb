package jp.mamori.identity;

import static jp.mamori.identity.ImportColumns.CODE;
import static jp.mamori.identity.ImportColumns.DEPARTMENT_CODE;
import static jp.mamori.identity.ImportColumns.EMAIL;
import static jp.mamori.identity.ImportColumns.LANGUAGE;
import static jp.mamori.identity.ImportColumns.MANAGER_EMAIL;
import static jp.mamori.identity.ImportColumns.NAME;
import static jp.mamori.identity.ImportColumns.PARENT_CODE;
import static jp.mamori.identity.ImportColumns.ROLES;
import static jp.mamori.identity.ImportColumns.STATUS;
import static jp.mamori.identity.PeopleDirectory.codeKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mamori.shared.Role;

/**
 * Compares the uploaded files with a snapshot of the database and works out every change and every problem.
 * Pure computation: the same files and the same database always give the same plan, which is how the confirm
 * step knows whether the database changed since the dry run.
 */
final class ImportPlanner {

    private static final Set<String> ACTIVE = Set.of("", "active", "有効", "在籍");
    private static final Set<String> LEFT = Set.of("left", "退職");
    private static final Set<String> LANGUAGES = Set.of("ja", "en");

    /** A department created or changed, with its final name and parent. */
    record DepartmentWrite(String code, String name, String parentCode, boolean created) {
    }

    /** A person created (id null) or changed, with the final values; previous roles are kept for the audit log. */
    record PersonWrite(Long id, String email, String name, String departmentCode, String language, Set<Role> roles,
                       Set<Role> previousRoles, boolean enabled) {

        boolean rolesChanged() {
            return !roles.equals(previousRoles);
        }
    }

    /** Who imports: the importer never deactivates themselves, and only a SYSTEM_ADMIN touches SYSTEM_ADMINs. */
    record Importer(long id, Set<Role> roles) {

        boolean systemAdmin() {
            return roles.contains(Role.SYSTEM_ADMIN);
        }
    }

    record Outcome(Map<ImportFile, String> encodings, List<PlannedChange> changes, List<ImportProblem> problems,
                   List<DepartmentWrite> departments, Map<String, String> managers, List<PersonWrite> people) {
    }

    private record DepartmentLine(int line, String code, String name, String parentCode, String managerEmail) {
    }

    private record PersonLine(int line, String email, String name, String departmentCode, Set<Role> roles,
                              String language, boolean left) {
    }

    private final PeopleDirectory.Snapshot snapshot;
    private final Importer importer;
    private final Map<ImportFile, String> encodings = new EnumMap<>(ImportFile.class);
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<PlannedChange> changes = new ArrayList<>();
    private final Map<String, DepartmentLine> departmentLines = new LinkedHashMap<>();
    private final Map<String, PersonLine> personLines = new LinkedHashMap<>();
    private final List<DepartmentWrite> departmentWrites = new ArrayList<>();
    private final Map<String, String> managers = new LinkedHashMap<>();
    private final List<PersonWrite> personWrites = new ArrayList<>();
    private ImportColumns.Header departmentHeader;
    private ImportColumns.Header peopleHeader;

    private ImportPlanner(PeopleDirectory.Snapshot snapshot, Importer importer) {
        this.snapshot = snapshot;
        this.importer = importer;
    }

    static Outcome plan(ImportRequest request, PeopleDirectory.Snapshot snapshot, Importer importer, int maxRows) {
        ImportPlanner planner = new ImportPlanner(snapshot, importer);
        List<CsvRecords.Row> departmentRows = planner.read(ImportFile.DEPARTMENTS, request.departments(), maxRows);
        List<CsvRecords.Row> peopleRows = planner.read(ImportFile.PEOPLE, request.people(), maxRows);
        departmentRows.forEach(planner::readDepartment);
        peopleRows.forEach(planner::readPerson);
        planner.planDepartments();
        planner.planPeople(request.deactivateMissing() && planner.peopleHeader != null && !peopleRows.isEmpty());
        // Problems are found file by file, then across files; listed in file and line order they read like the file.
        planner.problems.sort(Comparator.comparing(ImportProblem::file).thenComparingInt(ImportProblem::line));
        return new Outcome(planner.encodings, planner.changes, planner.problems, planner.departmentWrites,
                planner.managers, planner.personWrites);
    }

    /** The data rows of a file whose header is right; nothing when the file is absent or unreadable. */
    private List<CsvRecords.Row> read(ImportFile file, byte[] bytes, int maxRows) {
        if (bytes == null) {
            return List.of();
        }
        List<CsvRecords.Row> rows;
        try {
            CsvText.Decoded decoded = CsvText.decode(bytes);
            encodings.put(file, decoded.encoding());
            rows = CsvRecords.parse(decoded.text(), maxRows);
        } catch (CsvInputException e) {
            problems.add(e.problem(file));
            return List.of();
        }
        if (rows.isEmpty()) {
            problems.add(ImportProblem.at(file, 1, null, "import.error.empty-file"));
            return List.of();
        }
        int before = problems.size();
        ImportColumns.Header header = ImportColumns.read(file, rows.getFirst(), problems);
        if (problems.size() > before) {
            return List.of();
        }
        if (file == ImportFile.DEPARTMENTS) {
            departmentHeader = header;
        } else {
            peopleHeader = header;
        }
        List<CsvRecords.Row> data = new ArrayList<>();
        for (CsvRecords.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != header.width()) {
                problems.add(ImportProblem.at(file, row.line(), null, "import.error.field-count", header.width(),
                        row.fields().size()));
            } else {
                data.add(row);
            }
        }
        return data;
    }

    private void readDepartment(CsvRecords.Row row) {
        ImportColumns.Header header = departmentHeader;
        String code = required(ImportFile.DEPARTMENTS, header, row, CODE, 50);
        String name = required(ImportFile.DEPARTMENTS, header, row, NAME, 200);
        String parent = header.value(row, PARENT_CODE);
        String manager = header.has(MANAGER_EMAIL) ? header.value(row, MANAGER_EMAIL).toLowerCase(Locale.ROOT) : null;
        if (manager != null && !manager.isEmpty() && !UserAdministration.validEmail(manager)) {
            problem(ImportFile.DEPARTMENTS, row.line(), header.name(MANAGER_EMAIL), "import.error.email-invalid", manager);
        }
        if (code.isEmpty()) {
            return;
        }
        DepartmentLine first = departmentLines.get(codeKey(code));
        if (first != null) {
            problem(ImportFile.DEPARTMENTS, row.line(), header.name(CODE), "import.error.code-repeated", code, first.line());
            return;
        }
        departmentLines.put(codeKey(code), new DepartmentLine(row.line(), code, name, parent.isEmpty() ? null : parent, manager));
    }

    private void readPerson(CsvRecords.Row row) {
        ImportColumns.Header header = peopleHeader;
        String email = required(ImportFile.PEOPLE, header, row, EMAIL, 254).toLowerCase(Locale.ROOT);
        PersonLine first = personLines.get(email);
        boolean usable = !email.isEmpty() && UserAdministration.validEmail(email) && first == null;
        if (!email.isEmpty() && !UserAdministration.validEmail(email)) {
            problem(ImportFile.PEOPLE, row.line(), header.name(EMAIL), "import.error.email-invalid", email);
        } else if (first != null) {
            problem(ImportFile.PEOPLE, row.line(), header.name(EMAIL), "import.error.email-repeated", email, first.line());
        }
        String name = required(ImportFile.PEOPLE, header, row, NAME, 200);
        String department = required(ImportFile.PEOPLE, header, row, DEPARTMENT_CODE, 50);
        if (!department.isEmpty() && !snapshot.departments().containsKey(codeKey(department))
                && !departmentLines.containsKey(codeKey(department))) {
            problem(ImportFile.PEOPLE, row.line(), header.name(DEPARTMENT_CODE), "import.error.department-unknown", department);
        }
        Set<Role> roles = roles(row, header);
        String language = header.value(row, LANGUAGE).toLowerCase(Locale.ROOT);
        if (!language.isEmpty() && !LANGUAGES.contains(language)) {
            problem(ImportFile.PEOPLE, row.line(), header.name(LANGUAGE), "import.error.language-invalid", language);
        }
        String status = header.value(row, STATUS).toLowerCase(Locale.ROOT);
        if (!ACTIVE.contains(status) && !LEFT.contains(status)) {
            problem(ImportFile.PEOPLE, row.line(), header.name(STATUS), "import.error.status-invalid", status);
        }
        if (!usable) {
            return;
        }
        personLines.put(email, new PersonLine(row.line(), email, name, department, roles,
                language.isEmpty() ? null : language, LEFT.contains(status)));
    }

    /** The roles of the cell, or null when it is empty (new people become learners, others keep their roles). */
    private Set<Role> roles(CsvRecords.Row row, ImportColumns.Header header) {
        String cell = header.value(row, ROLES);
        if (cell.isEmpty()) {
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : cell.split(";")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                problem(ImportFile.PEOPLE, row.line(), header.name(ROLES), "import.error.role-unknown", part.strip());
            }
        }
        return roles.isEmpty() ? null : roles;
    }

    private void planDepartments() {
        Map<String, String> parents = new HashMap<>();
        snapshot.departments().values()
                .forEach(d -> parents.put(codeKey(d.code()), codeKey(snapshot.departmentCode(d.parentId()))));
        departmentLines.values().forEach(d -> parents.put(codeKey(d.code()), codeKey(d.parentCode())));
        for (DepartmentLine line : departmentLines.values()) {
            if (line.parentCode() != null && !parents.containsKey(codeKey(line.parentCode()))) {
                problem(ImportFile.DEPARTMENTS, line.line(), departmentHeader.name(PARENT_CODE),
                        "import.error.department-unknown", line.parentCode());
            } else if (inCycle(codeKey(line.code()), parents)) {
                problem(ImportFile.DEPARTMENTS, line.line(), departmentHeader.name(PARENT_CODE),
                        "import.error.department-cycle", line.code());
            }
            if (line.managerEmail() != null && !line.managerEmail().isEmpty()
                    && !snapshot.people().containsKey(line.managerEmail()) && !personLines.containsKey(line.managerEmail())) {
                problem(ImportFile.DEPARTMENTS, line.line(), departmentHeader.name(MANAGER_EMAIL),
                        "import.error.manager-unknown", line.managerEmail());
            }
            planDepartment(line);
        }
    }

    private void planDepartment(DepartmentLine line) {
        PeopleDirectory.DepartmentRow existing = snapshot.departments().get(codeKey(line.code()));
        String manager = line.managerEmail() == null || line.managerEmail().isEmpty() ? null : line.managerEmail();
        if (existing == null) {
            changes.add(new PlannedChange(PlannedChange.Kind.DEPARTMENT_CREATED, line.line(), line.code(), null, null,
                    line.name()));
            departmentWrites.add(new DepartmentWrite(line.code(), line.name(), line.parentCode(), true));
            if (manager != null) {
                changes.add(new PlannedChange(PlannedChange.Kind.DEPARTMENT_MANAGER_SET, line.line(), line.code(), null,
                        null, manager));
                managers.put(line.code(), manager);
            }
            return;
        }
        String oldParent = snapshot.departmentCode(existing.parentId());
        boolean renamed = !existing.name().equals(line.name());
        boolean moved = !Objects.equals(codeKey(oldParent), codeKey(line.parentCode()));
        if (renamed) {
            changes.add(new PlannedChange(PlannedChange.Kind.DEPARTMENT_RENAMED, line.line(), line.code(), null,
                    existing.name(), line.name()));
        }
        if (moved) {
            changes.add(new PlannedChange(PlannedChange.Kind.DEPARTMENT_MOVED, line.line(), line.code(), null,
                    oldParent, line.parentCode()));
        }
        if (renamed || moved) {
            departmentWrites.add(new DepartmentWrite(line.code(), line.name(), line.parentCode(), false));
        }
        String oldManager = snapshot.personEmail(existing.managerId());
        if (line.managerEmail() != null && !Objects.equals(lower(oldManager), manager)) {
            changes.add(new PlannedChange(PlannedChange.Kind.DEPARTMENT_MANAGER_SET, line.line(), line.code(), null,
                    oldManager, manager));
            managers.put(line.code(), manager);
        }
    }

    private static boolean inCycle(String code, Map<String, String> parents) {
        Set<String> seen = new HashSet<>();
        String current = parents.get(code);
        while (current != null && seen.add(current)) {
            if (current.equals(code)) {
                return true;
            }
            current = parents.get(current);
        }
        return false;
    }

    private void planPeople(boolean deactivateMissing) {
        for (PersonLine line : personLines.values()) {
            PeopleDirectory.PersonRow existing = snapshot.people().get(line.email());
            if (existing == null) {
                planNewPerson(line);
            } else if (line.left()) {
                if (existing.enabled()) {
                    planDeactivation(existing, line.line(), peopleHeader.name(STATUS));
                }
            } else {
                planChangedPerson(line, existing);
            }
        }
        if (!deactivateMissing) {
            return;
        }
        snapshot.people().values().stream()
                .filter(p -> p.enabled() && !personLines.containsKey(p.email().toLowerCase(Locale.ROOT)))
                .filter(p -> !p.roles().contains(Role.SYSTEM_ADMIN) && p.id() != importer.id())
                .sorted((a, b) -> a.email().compareToIgnoreCase(b.email()))
                .forEach(p -> planDeactivation(p, 0, null));
    }

    /** Leavers not yet in Mamori need no account: they are skipped. */
    private void planNewPerson(PersonLine line) {
        if (line.left()) {
            return;
        }
        Set<Role> roles = line.roles() == null ? EnumSet.of(Role.LEARNER) : line.roles();
        if (roles.contains(Role.SYSTEM_ADMIN) && !importer.systemAdmin()) {
            problem(ImportFile.PEOPLE, line.line(), peopleHeader.name(ROLES), "import.error.system-admin-only");
        }
        changes.add(new PlannedChange(PlannedChange.Kind.PERSON_CREATED, line.line(), line.email(), null, null,
                line.name() + " / " + line.departmentCode() + " / " + roleText(roles)));
        personWrites.add(new PersonWrite(null, line.email(), line.name(), line.departmentCode(), line.language(), roles,
                EnumSet.noneOf(Role.class), true));
    }

    private void planDeactivation(PeopleDirectory.PersonRow person, int line, String column) {
        if (person.id() == importer.id()) {
            problem(ImportFile.PEOPLE, line, column, "import.error.deactivate-self", person.email());
            return;
        }
        if (person.roles().contains(Role.SYSTEM_ADMIN) && !importer.systemAdmin()) {
            problem(ImportFile.PEOPLE, line, column, "import.error.system-admin-only");
            return;
        }
        changes.add(new PlannedChange(PlannedChange.Kind.PERSON_DEACTIVATED, line, person.email(), null, null, null));
        personWrites.add(new PersonWrite(person.id(), person.email(), person.name(),
                snapshot.departmentCode(person.departmentId()), person.language(), person.roles(), person.roles(), false));
    }

    private void planChangedPerson(PersonLine line, PeopleDirectory.PersonRow existing) {
        int before = changes.size();
        if (!existing.enabled()) {
            changes.add(new PlannedChange(PlannedChange.Kind.PERSON_REACTIVATED, line.line(), line.email(), null, null, null));
        }
        String oldDepartment = snapshot.departmentCode(existing.departmentId());
        changed(line, "name", existing.name(), line.name());
        if (!Objects.equals(codeKey(oldDepartment), codeKey(line.departmentCode()))) {
            changed(line, "department", oldDepartment, line.departmentCode());
        }
        Set<Role> roles = line.roles() == null ? existing.roles() : line.roles();
        if (!roles.equals(existing.roles())) {
            Set<Role> touched = EnumSet.copyOf(roles);
            touched.addAll(existing.roles());
            touched.removeIf(role -> roles.contains(role) && existing.roles().contains(role));
            if (touched.contains(Role.SYSTEM_ADMIN) && !importer.systemAdmin()) {
                problem(ImportFile.PEOPLE, line.line(), peopleHeader.name(ROLES), "import.error.system-admin-only");
            }
            changed(line, "roles", roleText(existing.roles()), roleText(roles));
        }
        String language = line.language() == null ? existing.language() : line.language();
        changed(line, "language", existing.language(), language);
        if (changes.size() > before) {
            personWrites.add(new PersonWrite(existing.id(), existing.email(), line.name(), line.departmentCode(), language,
                    roles, existing.roles(), true));
        }
    }

    private void changed(PersonLine line, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new PlannedChange(PlannedChange.Kind.PERSON_CHANGED, line.line(), line.email(), field, before, after));
        }
    }

    private String required(ImportFile file, ImportColumns.Header header, CsvRecords.Row row, String column, int maxLength) {
        String value = header.value(row, column);
        if (value.isEmpty()) {
            problem(file, row.line(), header.name(column), "import.error.required");
        } else if (value.length() > maxLength) {
            problem(file, row.line(), header.name(column), "import.error.too-long", maxLength);
        }
        return value;
    }

    private void problem(ImportFile file, int line, String column, String key, Object... arguments) {
        problems.add(ImportProblem.at(file, line, column, key, arguments));
    }

    private static String roleText(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(";"));
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
