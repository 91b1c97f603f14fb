package jp.mamori.shared.security;

import java.time.ZoneId;
import java.util.Set;
import jp.mamori.shared.Role;

/** The logged-in person as every module sees it; the identity module provides the implementation. */
public interface MamoriPrincipal {

    long id();

    String email();

    String displayName();

    Set<Role> roles();

    /** The zone the person reads times in (default Asia/Tokyo); times are stored in UTC. */
    ZoneId zone();
}
