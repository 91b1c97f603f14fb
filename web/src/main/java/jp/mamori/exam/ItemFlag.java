package jp.mamori.exam;

/** Why an item deserves a second look in the item analysis; each has a short label and a reason to show. */
public enum ItemFlag {
    FEW_RESPONSES,
    TOO_HARD,
    TOO_EASY,
    LOW_DISCRIMINATION,
    NEGATIVE_DISCRIMINATION,
    UNCHOSEN_DISTRACTOR,
    MARKED_FOR_REVIEW;

    public String labelKey() {
        return "analysis.flag." + name();
    }

    public String reasonKey() {
        return "analysis.flag." + name() + ".reason";
    }
}
