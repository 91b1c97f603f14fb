package jp.mamori.evidence;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence ledger's API: other modules append records; auditors and the privacy officer verify
 * the chain. Records are never updated or deleted; a correction is a new record that names the old.
 */
@Service
public class EvidenceLedger {

    private static final Logger log = LoggerFactory.getLogger(EvidenceLedger.class);
    private static final int ATTEMPTS = 5;
    private static final String READERS = "hasAnyRole('AUDITOR','PRIVACY_OFFICER','TRAINING_ADMIN')";

    private final EvidenceStore store;
    private final EvidenceVerifier verifier;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EvidenceLedger(EvidenceStore store, EvidenceVerifier verifier, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.verifier = verifier;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Appends a record at the end of the chain, in its own transaction. Appends from any number of
     * threads or nodes queue on the chain head, so the chain stays one gap-free sequence.
     * Any logged-in user's action may produce evidence; background jobs run as the system user.
     */
    @PreAuthorize("isAuthenticated()")
    public EvidenceRecord append(EvidenceEntry entry) {
        String detailsJson = CanonicalJson.write(entry.details());
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> appendLocked(entry, detailsJson));
            } catch (PessimisticLockingFailureException e) {
                // A deadlock or lock timeout (e.g. a Galera certification conflict): nothing was written, try again.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.warn("evidence append retried after lock failure (attempt {}): {}", attempt, e.getMessage());
            }
        }
    }

    private EvidenceRecord appendLocked(EvidenceEntry entry, String detailsJson) {
        ChainHead head = store.lockHead();
        long seq = head.seq() + 1;
        EvidenceRecord unsigned = new EvidenceRecord(seq, clock.instant().truncatedTo(ChronoUnit.MICROS),
                entry.kind(), entry.subjectId(), entry.subject(), entry.actor(), entry.itemRef(),
                entry.itemVersion(), entry.result(), entry.score(), detailsJson, entry.correctsSeq(),
                head.hash(), null);
        EvidenceRecord record = withHash(unsigned, unsigned.expectedHash());
        store.insert(record);
        store.moveHead(seq, record.hash());
        return record;
    }

    /** Recomputes the whole chain and names the first broken link. */
    @PreAuthorize("hasAnyRole('AUDITOR','PRIVACY_OFFICER')")
    public ChainVerification verify() {
        return verifier.verify();
    }

    /** The end of the chain; the operator sees it too, to follow forwarding. */
    @PreAuthorize(READERS + " or hasRole('SYSTEM_ADMIN')")
    public ChainHead head() {
        return store.head();
    }

    @PreAuthorize(READERS)
    public List<EvidenceRecord> latest(int limit) {
        return store.latest(Math.clamp(limit, 1, 1000));
    }

    /** The records after {@code seq}, oldest first: what background forwarding (xAPI) reads, as the system. */
    @PreAuthorize("hasRole('SYSTEM')")
    public List<EvidenceRecord> after(long seq, int limit) {
        return store.after(seq, Math.clamp(limit, 1, 1000));
    }

    /** One record by its place in the chain: a person's own, or anyone's for the PMS office and the auditor. */
    @PostAuthorize("returnObject.isEmpty() or returnObject.get().subjectId() == authentication.principal.id() or " + READERS)
    public Optional<EvidenceRecord> find(long seq) {
        return store.find(seq);
    }

    /** A person's own records; the PMS office and auditors may read anyone's. */
    @PreAuthorize("#subjectId == authentication.principal.id() or " + READERS)
    public List<EvidenceRecord> recordsOf(long subjectId) {
        return store.ofSubject(subjectId);
    }

    private static EvidenceRecord withHash(EvidenceRecord r, String hash) {
        return new EvidenceRecord(r.seq(), r.recordedAt(), r.kind(), r.subjectId(), r.subject(), r.actor(),
                r.itemRef(), r.itemVersion(), r.result(), r.score(), r.detailsJson(), r.correctsSeq(), r.prevHash(), hash);
    }
}
