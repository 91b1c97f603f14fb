package jp.mamori.exam;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;

/**
 * A fair queue in front of answer saves. Without it, hundreds of candidates answering at once all wait on the
 * connection pool, which hands connections out in no particular order: most saves take milliseconds but some wait
 * many seconds (the benchmark saw a 30 s maximum). Here saves queue first come, first served, and fewer of them
 * than the pool holds run at once, so the rest of the application keeps its connections.
 */
@Component
class AnswerSaveGate {

    private final Semaphore permits;
    private final Duration maxWait;

    AnswerSaveGate(@Value("${mamori.exam.concurrent-saves:8}") int concurrentSaves,
                   @Value("${mamori.exam.save-queue-timeout:PT10S}") Duration maxWait) {
        this.permits = new Semaphore(concurrentSaves, true);
        this.maxWait = maxWait;
    }

    <T> T through(Supplier<T> save) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDataAccessResourceException("interrupted while waiting to save an answer", e);
        }
        if (!admitted) {
            // Transient: the exam page keeps the answer and sends it again with the same sequence number.
            throw new TransientDataAccessResourceException("answer saves are queued for more than " + maxWait);
        }
        try {
            return save.get();
        } finally {
            permits.release();
        }
    }
}
