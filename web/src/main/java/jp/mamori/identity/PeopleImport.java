package jp.mamori.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The CSV import of departments and people (docs/people-import.md): a dry run that lists every change and every
 * problem, and a confirm that checks the plan against the database again and applies all of it in one
 * transaction, or nothing.
 */
@Service
public class PeopleImport {

    private static final String IMPORTERS = "hasRole('TRAINING_ADMIN')";

    private final PeopleDirectory directory;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int maxRows;

    PeopleImport(PeopleDirectory directory, AuditLog auditLog, Clock clock,
                 @Value("${mamori.people-import.max-rows:50000}") int maxRows) {
        this.directory = directory;
        this.auditLog = auditLog;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /** The most data rows one file may have. */
    @PreAuthorize(IMPORTERS)
    public int maxRows() {
        return maxRows;
    }

    /** Reads the files and compares them with the database; changes nothing. */
    @PreAuthorize(IMPORTERS)
    @Transactional(readOnly = true)
    public ImportPlan dryRun(ImportRequest request) {
        if (request.departments() == null && request.people() == null) {
            throw new PeopleImportException("import.error.no-file");
        }
        ImportPlanner.Outcome outcome = ImportPlanner.plan(request, directory.read(false), importer(), maxRows);
        return new ImportPlan(request, outcome.encodings(), outcome.changes(), outcome.problems());
    }

    /**
     * Applies a dry run's plan. The files are read again against the database, locked for this transaction; when
     * that gives other changes than the dry run showed, nothing is applied and the administrator runs it again.
     */
    @PreAuthorize(IMPORTERS)
    @Transactional
    public ImportCounts confirm(ImportPlan dryRun) {
        if (!dryRun.problems().isEmpty()) {
            throw new PeopleImportException("import.error.has-problems");
        }
        if (dryRun.changes().isEmpty()) {
            throw new PeopleImportException("import.error.nothing-to-do");
        }
        ImportPlanner.Outcome now = ImportPlanner.plan(dryRun.request(), directory.read(true), importer(), maxRows);
        if (!now.problems().isEmpty() || !now.changes().equals(dryRun.changes())) {
            throw new PeopleImportException("import.error.database-changed");
        }
        try {
            apply(now);
        } catch (DataIntegrityViolationException e) {
            // The tables compare codes and e-mail addresses by their collation (width, kana voicing): a value the
            // plan took for new can still collide with a registered one. The exception rolls everything back.
            throw new PeopleImportException("import.error.database-conflict");
        }
        ImportCounts counts = ImportCounts.of(now.changes());
        auditAfterCommit(CurrentPrincipal.require().email(), counts, now);
        return counts;
    }

    private void apply(ImportPlanner.Outcome plan) {
        Instant now = clock.instant();
        List<ImportPlanner.DepartmentWrite> created = plan.departments().stream().filter(ImportPlanner.DepartmentWrite::created).toList();
        Map<String, Long> departmentIds = directory.insertDepartments(created, now);
        directory.updateDepartments(plan.departments(), departmentIds);
        Map<String, Long> personIds = directory.insertPeople(
                plan.people().stream().filter(p -> p.id() == null).toList(), departmentIds, now);
        directory.updatePeople(plan.people().stream().filter(p -> p.id() != null).toList(), departmentIds, now);
        directory.setManagers(plan.managers(), departmentIds, personIds);
    }

    /** The audit log commits on its own, so it is written only once the import itself has committed. */
    private void auditAfterCommit(String actor, ImportCounts counts, ImportPlanner.Outcome plan) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                String files = plan.encodings().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
                auditLog.record(AuditAction.PEOPLE_IMPORTED, actor, null, counts + "; " + files);
                plan.people().stream().filter(p -> p.id() != null && p.rolesChanged()).forEach(p -> {
                    difference(p.roles(), p.previousRoles())
                            .forEach(role -> auditLog.record(AuditAction.ROLE_GRANTED, actor, p.email(), role.name()));
                    difference(p.previousRoles(), p.roles())
                            .forEach(role -> auditLog.record(AuditAction.ROLE_REVOKED, actor, p.email(), role.name()));
                });
            }
        });
    }

    private static Set<Role> difference(Set<Role> a, Set<Role> b) {
        Set<Role> result = a.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(a);
        result.removeAll(b);
        return result;
    }

    private static ImportPlanner.Importer importer() {
        MamoriPrincipal principal = CurrentPrincipal.require();
        return new ImportPlanner.Importer(principal.id(), principal.roles());
    }
}
