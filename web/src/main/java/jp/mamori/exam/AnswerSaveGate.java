package jp.mamori.exam;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;

/**
 * A fair queue in front of answer saves. Without it, hundreds of candidates answering at once all wait on the
 * connection pool, which hands connections out in no particular order: most saves take milliseconds but some wait
 * many seconds (the benchmark saw a 30 s maximum). Here saves queue first come, first served, and fewer of them
 * than the pool holds run at once, so the rest of the application keeps its connections.
 * Every save is timed from its arrival, queue included ({@code mamori.exam.answer.save}, by outcome), and the
 * saves waiting now are counted ({@code mamori.exam.answer.save.queued}).
 */
@Component
class AnswerSaveGate {

    static final String TIMER = "mamori.exam.answer.save";

    private final FairQueue queue;
    private final MeterRegistry registry;

    AnswerSaveGate(@Value("${mamori.exam.concurrent-saves:16}") int concurrentSaves,
                   @Value("${mamori.exam.save-queue-timeout:PT10S}") Duration maxWait,
                   MeterRegistry registry) {
        // Transient on a timeout: the exam page keeps the answer and sends it again with the same sequence number.
        this.queue = new FairQueue(concurrentSaves, maxWait, QueueTimeout::new);
        this.registry = registry;
        Gauge.builder(TIMER + ".queued", queue, FairQueue::waiting).strongReference(true)
                .description("Answer saves waiting for their turn on this node").register(registry);
    }

    <T> T through(Supplier<T> save) {
        Timer.Sample sample = Timer.start(registry);
        Outcome outcome = Outcome.FAILED;
        try {
            T saved = queue.through(save, "save an answer");
            outcome = Outcome.SAVED;
            return saved;
        } catch (ExamRefusedException e) {
            outcome = Outcome.REFUSED;
            throw e;
        } catch (QueueTimeout e) {
            outcome = Outcome.QUEUE_TIMEOUT;
            throw e;
        } finally {
            sample.stop(timer(outcome));
        }
    }

    private Timer timer(Outcome outcome) {
        return Timer.builder(TIMER)
                .description("Exam answer saves, from arrival (queue included) to the stored answer or the refusal")
                .tag("outcome", outcome.tag)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** How a save ended, as the {@code outcome} tag says it. */
    private enum Outcome {
        SAVED("saved"),
        /** After the deadline, an item or option not in the attempt, someone else's attempt. */
        REFUSED("refused"),
        /** Waited longer than the queue allows; the page sends it again. */
        QUEUE_TIMEOUT("queue_timeout"),
        /** Anything else, e.g. the database failed. */
        FAILED("failed");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    /** A save refused because it waited too long in the queue: temporary, the page sends it again. */
    private static final class QueueTimeout extends TransientDataAccessResourceException {
        QueueTimeout(String message) {
            super(message);
        }
    }
}
