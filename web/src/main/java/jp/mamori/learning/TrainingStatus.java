package jp.mamori.learning;

/** Where a learner stands with one deck. */
public enum TrainingStatus {
    NOT_STARTED,
    IN_PROGRESS,
    /** Completed, but the company published rules that must be acknowledged again. */
    ACKNOWLEDGE_AGAIN,
    DONE;

    public String labelKey() {
        return "training.status." + name();
    }
}
