package jp.mamori.exam;

import jp.mamori.shared.security.SystemTask;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes attempts still open after their deadline, with the answers saved before it, every 15 seconds (well within
 * a minute of any deadline). ShedLock makes sure only one node runs it at a time.
 */
@Component
class OverdueFinaliser {

    private static final Logger log = LoggerFactory.getLogger(OverdueFinaliser.class);

    private final ExamAttempts attempts;

    OverdueFinaliser(ExamAttempts attempts) {
        this.attempts = attempts;
    }

    @Scheduled(fixedDelayString = "${mamori.exam.finaliser-interval:PT15S}", initialDelayString = "${mamori.exam.finaliser-interval:PT15S}")
    @SchedulerLock(name = "exam-overdue-finaliser", lockAtMostFor = "PT5M")
    void run() {
        SystemTask.run(() -> {
            for (long attempt : attempts.overdue()) {
                try {
                    attempts.finaliseIfOverdue(attempt);
                } catch (RuntimeException e) {
                    // One broken attempt must not keep the others open; it is tried again on the next run.
                    log.error("attempt {} could not be finalised", attempt, e);
                }
            }
        });
    }
}
