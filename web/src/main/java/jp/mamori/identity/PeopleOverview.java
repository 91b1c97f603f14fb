package jp.mamori.identity;

import java.util.Map;
import jp.mamori.shared.Role;

/** Head counts for the office overview. */
public record PeopleOverview(long people, long locked, Map<Role, Long> byRole) {
}
