package jp.mamori.assignment;

/** What a plan line asks people to do. */
public enum ItemKind {
    /** One training deck (employee decks, by id). */
    DECK,
    /** The whole examiner curriculum: every examiner module and every current declaration. */
    EXAMINER_CURRICULUM,
    /** Pass an exam (by exam id). */
    EXAM;

    public String labelKey() {
        return "plan.kind." + name();
    }
}
