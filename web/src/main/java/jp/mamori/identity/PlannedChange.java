package jp.mamori.identity;

/**
 * One change an import makes: what kind, to which department (code) or person (e-mail), from which line of the
 * file (0 when the person is not in the file), and for a changed person the field with its old and new value.
 */
public record PlannedChange(Kind kind, int line, String subject, String field, String before, String after) {

    /** What happens to the department or person. */
    public enum Kind {
        DEPARTMENT_CREATED,
        DEPARTMENT_RENAMED,
        DEPARTMENT_MOVED,
        DEPARTMENT_MANAGER_SET,
        PERSON_CREATED,
        PERSON_CHANGED,
        PERSON_DEACTIVATED,
        PERSON_REACTIVATED;

        public String labelKey() {
            return "import.change." + name();
        }
    }
}
