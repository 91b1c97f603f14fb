package jp.mamori.learning;

import jp.mamori.shared.Role;
import jp.mamori.shared.security.MamoriPrincipal;

/** Who a deck is written for, and the role that takes it as a yearly programme. */
public enum Audience {
    /** The employees' annual training, taken by every LEARNER. */
    EMPLOYEE("employee", Role.LEARNER),
    /** The examiners' mandatory security curriculum, taken by every EXAMINER. */
    EXAMINER("examiner", Role.EXAMINER);

    private final String id;
    private final Role role;

    Audience(String id, Role role) {
        this.id = id;
        this.role = role;
    }

    /** The audience as written in deck files ({@code audience: employee}). */
    public String id() {
        return id;
    }

    /** The role name, for {@code @PreAuthorize("hasRole(#audience.roleName())")}. */
    public String roleName() {
        return role.name();
    }

    boolean takenBy(MamoriPrincipal person) {
        return person.roles().contains(role);
    }

    /** Whether a deck written for {@code deckAudience} is part of this person's programme. */
    static boolean takes(MamoriPrincipal person, String deckAudience) {
        for (Audience audience : values()) {
            if (audience.id.equals(deckAudience) && audience.takenBy(person)) {
                return true;
            }
        }
        return false;
    }
}
