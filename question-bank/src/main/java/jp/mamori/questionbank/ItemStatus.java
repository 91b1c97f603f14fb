package jp.mamori.questionbank;

/** Only active items are drawn into checks and exam forms. */
public enum ItemStatus {
    DRAFT,
    ACTIVE,
    RETIRED
}
