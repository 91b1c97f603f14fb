package jp.mamori.exam;

/** The life of an attempt: open, then submitted by the candidate, finalised at the deadline, or abandoned. */
public enum AttemptState {
    IN_PROGRESS,
    SUBMITTED,
    FINALISED,
    ABANDONED
}
