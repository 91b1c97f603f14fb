package jp.mamori.assignment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The assignment module's recurring work, callable by the scheduler (as the system) and by tests. */
@Service
public class AssignmentJobs {

    private static final Logger log = LoggerFactory.getLogger(AssignmentJobs.class);

    private final EducationPlans plans;
    private final Assignments assignments;
    private final Reminders reminders;
    private final TransactionTemplate transaction;

    AssignmentJobs(EducationPlans plans, Assignments assignments, Reminders reminders, TransactionTemplate transaction) {
        this.plans = plans;
        this.assignments = assignments;
        this.reminders = reminders;
        this.transaction = transaction;
    }

    /** Next year's draft, new joiners, reminders: each on its own, so one failing does not stop the others. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void runAll() {
        int year = plans.currentYear();
        try {
            transaction.executeWithoutResult(status -> plans.prepareYear(year, "system")
                    .ifPresent(id -> log.info("drafted the FY{} education plan {} from last year's recurring lines", year, id)));
        } catch (RuntimeException e) {
            log.error("the FY{} draft plan could not be prepared", year, e);
        }
        try {
            transaction.executeWithoutResult(status -> plans.approved(year).ifPresent(assignments::assign));
        } catch (RuntimeException e) {
            log.error("the FY{} assignments could not be brought up to date", year, e);
        }
        try {
            reminders.send();
        } catch (RuntimeException e) {
            log.error("reminders could not be sent", e);
        }
    }
}
