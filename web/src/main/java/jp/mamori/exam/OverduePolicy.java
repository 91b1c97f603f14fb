package jp.mamori.exam;

/** What happens to an attempt still open at its deadline (as Moodle users know it). */
public enum OverduePolicy {
    /** Closed at the deadline and scored with the answers saved before it (the default). */
    AUTO_SUBMIT,
    /** Answers are no longer accepted, but the candidate may still submit during the grace period; then as AUTO_SUBMIT. */
    GRACE,
    /** Not submitted in time: the attempt does not count. */
    ABANDON
}
