package jp.mamori.shared;

/**
 * The roles of DESIGN.md §1. The order is the landing priority when a person holds several roles:
 * the first role held decides the home view after login.
 */
public enum Role {
    TRAINING_ADMIN,
    PRIVACY_OFFICER,
    AUDITOR,
    SYSTEM_ADMIN,
    EXAMINER,
    CANDIDATE,
    LEARNER;

    /** Role names as constants, for annotations ({@code @RolesAllowed(Role.Names.AUDITOR)}). */
    public static final class Names {
        public static final String TRAINING_ADMIN = "TRAINING_ADMIN";
        public static final String PRIVACY_OFFICER = "PRIVACY_OFFICER";
        public static final String AUDITOR = "AUDITOR";
        public static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";
        public static final String EXAMINER = "EXAMINER";
        public static final String CANDIDATE = "CANDIDATE";
        public static final String LEARNER = "LEARNER";

        private Names() {
        }
    }

    public String authority() {
        return authorityOf(name());
    }

    /** Spring Security's authority for a role name ({@code ROLE_} and the name), also for roles outside this enum. */
    public static String authorityOf(String roleName) {
        return "ROLE_" + roleName;
    }

    /** Translation key of the role's name. */
    public String labelKey() {
        return "role." + name();
    }
}
