package jp.mamori.attestation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mamori.content.Declaration;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.identity.People;
import jp.mamori.learning.Audience;
import jp.mamori.learning.CurriculumProgress;
import jp.mamori.questionbank.LocalizedText;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides who is cleared to review in a fiscal year: every examiner module completed that year, every current
 * declaration signed that year, no spot-check discrepancy open. Shown to the examiner and to the office.
 */
@Service
public class ExaminerClearance {

    private final CurriculumProgress progress;
    private final DeclarationTexts texts;
    private final Signatures signatures;
    private final SpotChecks spotChecks;
    private final People people;
    private final FiscalYears fiscalYears;
    private final AuditLog audit;
    private final Clock clock;

    ExaminerClearance(CurriculumProgress progress, DeclarationTexts texts, Signatures signatures, SpotChecks spotChecks,
                      People people, FiscalYears fiscalYears, AuditLog audit, Clock clock) {
        this.progress = progress;
        this.texts = texts;
        this.signatures = signatures;
        this.spotChecks = spotChecks;
        this.people = people;
        this.fiscalYears = fiscalYears;
        this.audit = audit;
        this.clock = clock;
    }

    /** The fiscal year now. */
    @PreAuthorize("isAuthenticated()")
    public int currentYear() {
        return fiscalYears.of(clock.instant());
    }

    /** The signed-in examiner's standing this fiscal year. */
    @PreAuthorize("hasRole('EXAMINER')")
    @Transactional(readOnly = true)
    public Clearance mine() {
        MamoriPrincipal me = CurrentPrincipal.require();
        int year = currentYear();
        Set<String> signed = signatures.mine(year).stream().map(Signature::declarationId).collect(Collectors.toSet());
        return new Curriculum(modules(), declarations(), fiscalYears.lastDay(year)).standing(me.id(), me.displayName(), me.email(), true, year,
                progress.myCompleted(Audience.EXAMINER, year), signed, spotChecks.open(year).getOrDefault(me.id(), Set.of()));
    }

    /** Every EXAMINER's standing in a fiscal year, by name; leavers included and marked. */
    @PreAuthorize("hasAnyRole('TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public List<Clearance> roster(int fiscalYear) {
        Map<Long, Set<String>> completed = progress.completed(Audience.EXAMINER, fiscalYear);
        Map<Long, Set<String>> signed = signatures.all(fiscalYear).stream()
                .collect(Collectors.groupingBy(Signature::userId, Collectors.mapping(Signature::declarationId, Collectors.toSet())));
        Map<Long, Set<String>> open = spotChecks.open(fiscalYear);
        Curriculum curriculum = new Curriculum(modules(), declarations(), fiscalYears.lastDay(fiscalYear));
        return people.withRole(Role.EXAMINER).stream()
                .map(person -> curriculum.standing(person.id(), person.name(), person.email(), person.active(), fiscalYear,
                        completed.getOrDefault(person.id(), Set.of()), signed.getOrDefault(person.id(), Set.of()),
                        open.getOrDefault(person.id(), Set.of())))
                .toList();
    }

    /** The titles of the examiner modules and the declarations, by id, for lists and reminders. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<String, LocalizedText> titles() {
        Map<String, LocalizedText> titles = new HashMap<>();
        progress.curriculum(Audience.EXAMINER).forEach(deck -> titles.put(deck.deckId(), deck.title()));
        texts.current().forEach(declaration -> titles.put(declaration.id(), declaration.title()));
        return titles;
    }

    /** Notes in the audit log that the roster left the system, in which format and how many rows. */
    @PreAuthorize(Signatures.OFFICE)
    public void recordExport(int fiscalYear, String format, int rows) {
        audit.record(AuditAction.DATA_EXPORTED, CurrentPrincipal.require().email(), "examiner-roster/FY" + fiscalYear,
                format + ", " + rows + " rows");
    }

    private List<String> modules() {
        return progress.curriculum(Audience.EXAMINER).stream().map(CurriculumProgress.CurriculumDeck::deckId).toList();
    }

    private List<String> declarations() {
        return texts.current().stream().map(Declaration::id).toList();
    }

    /** What every examiner must have done in a year, read once per request. */
    private record Curriculum(List<String> modules, List<String> declarations, LocalDate deadline) {

        Clearance standing(long id, String name, String email, boolean active, int year, Set<String> completed,
                           Set<String> signed, Set<String> open) {
            return new Clearance(id, name, email, active, year, deadline,
                    modules.stream().filter(completed::contains).toList(),
                    modules.stream().filter(m -> !completed.contains(m)).toList(),
                    declarations.stream().filter(signed::contains).toList(),
                    declarations.stream().filter(d -> !signed.contains(d)).toList(),
                    open);
        }
    }
}
