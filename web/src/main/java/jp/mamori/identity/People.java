package jp.mamori.identity;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import jp.mamori.shared.Role;
import jp.mamori.shared.i18n.Languages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who holds a role, for the office's rosters and reminders: one query, leavers included and marked. */
@Service
public class People {

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone holding the role, by name. */
    @PreAuthorize("hasAnyRole('TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public List<Person> withRole(Role role) {
        return jdbc.sql("SELECT u.id, u.email, u.display_name, d.name, u.language, u.enabled FROM app_user u "
                        + "JOIN user_role r ON r.user_id = u.id LEFT JOIN department d ON d.id = u.department_id "
                        + "WHERE r.role = ? ORDER BY u.display_name, u.id")
                .param(role.name())
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? "" : rs.getString(4), language(rs.getString(5)), rs.getBoolean(6)))
                .list();
    }

    /** A person with what plans are matched against: roles and department (and that department's manager). */
    public record Member(long id, String email, String name, Long departmentId, Long managerId, Set<Role> roles,
                         Locale language, boolean active) {
    }

    /**
     * Everyone with their roles and department, for matching plan lines and escalating reminders. Run by the office
     * and by the scheduler as the system.
     */
    @PreAuthorize("hasAnyRole('TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public List<Member> members() {
        Map<Long, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT user_id, role FROM user_role").query(rs -> {
            roles.computeIfAbsent(rs.getLong(1), id -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
        });
        return jdbc.sql("SELECT u.id, u.email, u.display_name, u.department_id, d.manager_user_id, u.language, u.enabled "
                        + "FROM app_user u LEFT JOIN department d ON d.id = u.department_id ORDER BY u.id")
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
                        (Long) rs.getObject(5, Long.class), roles.getOrDefault(rs.getLong(1), Set.of()), language(rs.getString(6)),
                        rs.getBoolean(7)))
                .list();
    }

    /** Every department, by code, for pickers and for naming plan targets. */
    @PreAuthorize("hasAnyRole('TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<DepartmentSummary> departments() {
        return jdbc.sql("SELECT id, code, name FROM department ORDER BY code")
                .query((rs, n) -> new DepartmentSummary(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static Locale language(String tag) {
        return tag == null ? Languages.JAPANESE : Languages.supported(tag).orElse(Languages.JAPANESE);
    }
}
