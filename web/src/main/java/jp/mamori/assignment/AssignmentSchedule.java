package jp.mamori.assignment;

import jp.mamori.shared.security.SystemTask;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour (ShedLock: one node at a time): a new fiscal year gets its draft plan from last year's recurring lines,
 * the approved plan reaches people who joined or changed role or department, and reminders that fell due go out.
 */
@Component
class AssignmentSchedule {

    private final AssignmentJobs jobs;

    AssignmentSchedule(AssignmentJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${mamori.assignments.interval:PT1H}", initialDelayString = "${mamori.assignments.initial-delay:PT2M}")
    @SchedulerLock(name = "assignments", lockAtMostFor = "PT30M")
    void run() {
        SystemTask.run(jobs::runAll);
    }
}
