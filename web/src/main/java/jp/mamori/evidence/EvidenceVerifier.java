package jp.mamori.evidence;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes every hash from the genesis link onwards and names the first link that does not hold. */
@Component
class EvidenceVerifier {

    private static final int PAGE = 1000;

    private final EvidenceStore store;
    private final Clock clock;

    EvidenceVerifier(EvidenceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ChainVerification verify() {
        ChainHead recordedHead = store.head();
        long expectedSeq = 1;
        String prevHash = ChainHash.GENESIS;
        long checked = 0;
        List<EvidenceRecord> page = store.page(0, PAGE);
        while (!page.isEmpty()) {
            for (EvidenceRecord record : page) {
                ChainVerification.BrokenLink broken = check(record, expectedSeq, prevHash);
                if (broken != null) {
                    return result(checked, new ChainHead(expectedSeq - 1, prevHash), broken);
                }
                checked++;
                expectedSeq++;
                prevHash = record.hash();
            }
            page = store.page(expectedSeq - 1, PAGE);
        }
        ChainHead reached = new ChainHead(expectedSeq - 1, prevHash);
        if (!reached.equals(recordedHead)) {
            return result(checked, reached, new ChainVerification.BrokenLink(reached.seq() + 1,
                    ChainVerification.Problem.HEAD_MISMATCH,
                    "chain ends at #" + reached.seq() + " but the chain head names #" + recordedHead.seq()
                            + " with hash " + recordedHead.hash()));
        }
        return result(checked, reached, null);
    }

    private static ChainVerification.BrokenLink check(EvidenceRecord record, long expectedSeq, String prevHash) {
        if (record.seq() != expectedSeq) {
            return new ChainVerification.BrokenLink(expectedSeq, ChainVerification.Problem.MISSING_RECORD,
                    "record #" + expectedSeq + " is missing; the next record is #" + record.seq());
        }
        if (!record.prevHash().equals(prevHash)) {
            return new ChainVerification.BrokenLink(record.seq(), ChainVerification.Problem.PREVIOUS_HASH_MISMATCH,
                    "record #" + record.seq() + " points at " + record.prevHash() + " but its predecessor's hash is " + prevHash);
        }
        String expected = record.expectedHash();
        if (!expected.equals(record.hash())) {
            return new ChainVerification.BrokenLink(record.seq(), ChainVerification.Problem.CONTENT_ALTERED,
                    "record #" + record.seq() + " hashes to " + expected + " but stores " + record.hash());
        }
        return null;
    }

    private ChainVerification result(long checked, ChainHead reached, ChainVerification.BrokenLink broken) {
        return new ChainVerification(clock.instant(), checked, reached, broken);
    }
}
