package jp.mamori.exam;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * At most so many calls at once, the rest waiting first come, first served, up to a limit. Put in front of a
 * transaction, a waiting call holds no database connection, so a crowd (a room saving answers, a room starting the
 * exam) cannot take the whole pool from the rest of the application.
 */
final class FairQueue {

    private final Semaphore permits;
    private final Duration maxWait;
    private final Function<String, ? extends TransientDataAccessResourceException> timeout;

    FairQueue(int atOnce, Duration maxWait, Function<String, ? extends TransientDataAccessResourceException> timeout) {
        this.permits = new Semaphore(atOnce, true);
        this.maxWait = maxWait;
        this.timeout = timeout;
    }

    int waiting() {
        return permits.getQueueLength();
    }

    /** Runs the call when its turn comes; a temporary refusal (the timeout's exception) after waiting too long. */
    <T> T through(Supplier<T> call, String what) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDataAccessResourceException("interrupted while waiting to " + what, e);
        }
        if (!admitted) {
            throw timeout.apply(what + ": queued for more than " + maxWait);
        }
        try {
            return call.get();
        } finally {
            permits.release();
        }
    }
}
