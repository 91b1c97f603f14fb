package jp.mamori.attestation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jp.mamori.content.Declaration;
import jp.mamori.evidence.EvidenceEntry;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.identity.PasswordConfirmation;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An examiner's yearly declarations: read the text, confirm every statement, give the requested facts, type the
 * password again, and the signature is stored with the exact text version and appended to the evidence ledger.
 * One signature per declaration and fiscal year; nothing is ever edited.
 */
@Service
public class Declarations {

    private final DeclarationTexts texts;
    private final FiscalYears fiscalYears;
    private final PasswordConfirmation passwords;
    private final EvidenceLedger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Declarations(DeclarationTexts texts, FiscalYears fiscalYears, PasswordConfirmation passwords, EvidenceLedger ledger,
                 JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.texts = texts;
        this.fiscalYears = fiscalYears;
        this.passwords = passwords;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** What the examiner signs: the version read, the statements confirmed, the facts (values per fact id). */
    public record Signing(String declarationId, int version, Set<String> confirmed, Map<String, List<String>> facts,
                          String password) {
    }

    /** A declaration of the current fiscal year, with the examiner's signature of it if there is one. */
    public record Due(Declaration declaration, int fiscalYear, Optional<Instant> signedAt) {
    }

    @PreAuthorize("hasRole('EXAMINER')")
    @Transactional(readOnly = true)
    public List<Due> thisYear() {
        long user = CurrentPrincipal.require().id();
        int year = fiscalYears.of(clock.instant());
        return texts.current().stream().map(declaration -> new Due(declaration, year,
                jdbc.sql("SELECT MIN(signed_at) FROM declaration_signature WHERE user_id = ? AND declaration_id = ? AND fiscal_year = ?")
                        .params(user, declaration.id(), year).query(LocalDateTime.class).optional().map(UtcColumns::instant)))
                .toList();
    }

    /**
     * Signs a declaration for the current fiscal year. Refused (translation key, nothing stored) for a wrong password,
     * an outdated text version, a statement not confirmed, a missing or invalid fact, or a second signature.
     */
    @PreAuthorize("hasRole('EXAMINER')")
    @Transactional
    public EvidenceRecord sign(Signing signing) {
        MamoriPrincipal examiner = CurrentPrincipal.require();
        Declaration current = checked(signing);
        int year = fiscalYears.of(clock.instant());
        if (signedThisYear(examiner.id(), current.id(), year)) {
            throw new DeclarationException("declaration.error.already");
        }
        return store(examiner, current, signing, year, 0, null);
    }

    /**
     * Corrects the examiner's newest signature of a declaration in its fiscal year: the same reading, confirming and
     * re-authentication as signing, stored as the next revision that names the one it corrects (which stays as it
     * was). Refused for someone else's signature, an older revision, or a signature of an earlier fiscal year.
     */
    @PreAuthorize("hasRole('EXAMINER')")
    @Transactional
    public EvidenceRecord correct(long signatureId, Signing signing) {
        MamoriPrincipal examiner = CurrentPrincipal.require();
        Corrected old = jdbc.sql("SELECT declaration_id, fiscal_year, revision, evidence_seq FROM declaration_signature "
                        + "WHERE id = ? AND user_id = ?")
                .params(signatureId, examiner.id())
                .query((rs, n) -> new Corrected(signatureId, rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)))
                .optional().orElseThrow(() -> new DeclarationException("declaration.error.unknown"));
        if (!old.declarationId().equals(signing.declarationId())) {
            throw new DeclarationException("declaration.error.unknown");
        }
        if (old.fiscalYear() != fiscalYears.of(clock.instant())) {
            throw new DeclarationException("declaration.error.past-year");
        }
        int newest = jdbc.sql("SELECT MAX(revision) FROM declaration_signature WHERE user_id = ? AND declaration_id = ? AND fiscal_year = ?")
                .params(examiner.id(), old.declarationId(), old.fiscalYear()).query(Integer.class).single();
        if (newest != old.revision()) {
            throw new DeclarationException("declaration.error.not-newest");
        }
        return store(examiner, checked(signing), signing, old.fiscalYear(), old.revision() + 1, old);
    }

    /** The current text the signing refers to, with every statement confirmed, the facts valid and the password right. */
    private Declaration checked(Signing signing) {
        Declaration current = texts.current().stream().filter(d -> d.id().equals(signing.declarationId())).findFirst()
                .orElseThrow(() -> new DeclarationException("declaration.error.unknown"));
        if (current.version() != signing.version()) {
            throw new DeclarationException("declaration.error.outdated");
        }
        for (Declaration.Statement statement : current.statements()) {
            if (!signing.confirmed().contains(statement.id())) {
                throw new DeclarationException("declaration.error.statement", statement.id());
            }
        }
        facts(current, signing.facts());
        if (!passwords.confirms(signing.password())) {
            throw new DeclarationException("declaration.error.password");
        }
        return current;
    }

    private EvidenceRecord store(MamoriPrincipal examiner, Declaration current, Signing signing, int year, int revision,
                                 Corrected corrects) {
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fiscalYear", year);
        details.put("statements", List.copyOf(new TreeSet<>(signing.confirmed())));
        details.put("facts", facts(current, signing.facts()));
        if (corrects != null) {
            details.put("revision", revision);
            details.put("corrects", corrects.signatureId());
        }
        EvidenceRecord record = ledger.append(new EvidenceEntry(corrects == null ? "DECLARATION_SIGNED" : "DECLARATION_CORRECTED",
                examiner.id(), examiner.email(), examiner.email(), "declaration:" + current.id(), String.valueOf(current.version()),
                "SIGNED", null, details, corrects == null ? null : corrects.evidenceSeq()));
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO declaration_signature (user_id, declaration_id, version, fiscal_year, revision, corrects_id, "
                            + "answers, signed_at, evidence_seq) VALUES (?,?,?,?,?,?,?,?,?)")
                    .params(examiner.id(), current.id(), current.version(), year, revision,
                            corrects == null ? null : corrects.signatureId(), record.detailsJson(), UtcColumns.of(now), record.seq())
                    .update(key, "id");
        } catch (DuplicateKeyException twoAtOnce) {
            // The transaction rolls back, ledger record included: nothing is recorded twice.
            throw new DeclarationException(corrects == null ? "declaration.error.already" : "declaration.error.not-newest");
        }
        events.publishEvent(new DeclarationSigned(key.getKey().longValue(), examiner.id(), current.id(), current.version(), year, now));
        return record;
    }

    private record Corrected(long signatureId, String declarationId, int fiscalYear, int revision, long evidenceSeq) {
    }

    private boolean signedThisYear(long user, String declarationId, int year) {
        return jdbc.sql("SELECT COUNT(*) FROM declaration_signature WHERE user_id = ? AND declaration_id = ? AND fiscal_year = ?")
                .params(user, declarationId, year).query(Long.class).single() > 0;
    }

    /** The facts checked against the declaration: required ones given, dates real and not in the future, known choices. */
    private Map<String, Object> facts(Declaration declaration, Map<String, List<String>> given) {
        Map<String, Object> facts = new LinkedHashMap<>();
        LocalDate today = clock.instant().atZone(FiscalYears.JAPAN).toLocalDate();
        for (Declaration.Fact fact : declaration.facts()) {
            List<String> values = given.getOrDefault(fact.id(), List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            boolean required = fact.required() || fact.requiredIf()
                    .map(condition -> given.getOrDefault(condition[0], List.of()).contains(condition[1])).orElse(false);
            if (values.isEmpty()) {
                if (required) {
                    throw new DeclarationException("declaration.error.fact-missing", fact.id());
                }
                continue;
            }
            switch (fact.type()) {
                case DATE -> {
                    LocalDate date;
                    try {
                        date = LocalDate.parse(values.getFirst());
                    } catch (DateTimeParseException e) {
                        throw new DeclarationException("declaration.error.date", fact.id());
                    }
                    if (fact.notInFuture() && date.isAfter(today)) {
                        throw new DeclarationException("declaration.error.future", fact.id());
                    }
                    facts.put(fact.id(), date.toString());
                }
                case CHOICE -> {
                    Set<String> known = new TreeSet<>(fact.choices().stream().map(Declaration.Choice::id).toList());
                    if (!known.containsAll(values) || (!fact.multiple() && values.size() > 1)) {
                        throw new DeclarationException("declaration.error.choice", fact.id());
                    }
                    facts.put(fact.id(), List.copyOf(new TreeSet<>(values)));
                }
                case TEXT -> {
                    if (values.getFirst().length() > 1000) {
                        throw new DeclarationException("declaration.error.text", fact.id());
                    }
                    facts.put(fact.id(), values.getFirst());
                }
            }
        }
        return facts;
    }
}
