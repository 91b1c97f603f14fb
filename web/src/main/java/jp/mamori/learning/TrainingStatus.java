package jp.mamori.learning;

/** Where a learner stands with one deck. */
public enum TrainingStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE;

    public String labelKey() {
        return "training.status." + name();
    }
}
