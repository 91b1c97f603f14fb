package jp.mamori.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.mamori.shared.Role;
import jp.mamori.shared.db.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The people import's view of the departments and people tables: one snapshot read in three queries, and the
 * planned writes as JDBC batches (10,000 people through JPA one by one would take minutes).
 */
@Component
class PeopleDirectory {

    private final JdbcTemplate jdbc;

    PeopleDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record DepartmentRow(long id, String code, String name, Long parentId, Long managerId) {
    }

    record PersonRow(long id, String email, String name, Long departmentId, String language, boolean enabled,
                     Set<Role> roles) {
    }

    /**
     * The key of a department code: the column's collation compares without case, so "hq" in a file is the
     * registered "HQ" and not a new department that would collide with it.
     */
    static String codeKey(String code) {
        return code == null ? null : code.toLowerCase(Locale.ROOT);
    }

    /** Departments by {@link #codeKey} and people by lower-case e-mail, with lookups by id. */
    record Snapshot(Map<String, DepartmentRow> departments, Map<Long, DepartmentRow> departmentsById,
                    Map<String, PersonRow> people, Map<Long, PersonRow> peopleById) {

        String departmentCode(Long id) {
            return id == null ? null : departmentsById.get(id).code();
        }

        String personEmail(Long id) {
            return id == null ? null : peopleById.get(id).email();
        }
    }

    /**
     * Reads every department and person. With {@code lock}, the rows (and the gaps between them) stay locked to
     * the end of the transaction, so nobody changes them between the confirm's check and its writes.
     */
    Snapshot read(boolean lock) {
        String forUpdate = lock ? " FOR UPDATE" : "";
        Map<String, DepartmentRow> departments = new HashMap<>();
        Map<Long, DepartmentRow> departmentsById = new HashMap<>();
        jdbc.query("SELECT id, code, name, parent_id, manager_user_id FROM department" + forUpdate, rs -> {
            DepartmentRow row = new DepartmentRow(rs.getLong(1), rs.getString(2), rs.getString(3), nullableLong(rs, 4),
                    nullableLong(rs, 5));
            departments.put(codeKey(row.code()), row);
            departmentsById.put(row.id(), row);
        });
        Map<Long, Set<Role>> roles = new HashMap<>();
        jdbc.query("SELECT user_id, role FROM user_role" + forUpdate, rs -> {
            roles.computeIfAbsent(rs.getLong(1), id -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
        });
        Map<String, PersonRow> people = new HashMap<>();
        Map<Long, PersonRow> peopleById = new HashMap<>();
        jdbc.query("SELECT id, email, display_name, department_id, language, enabled FROM app_user" + forUpdate, rs -> {
            long id = rs.getLong(1);
            PersonRow row = new PersonRow(id, rs.getString(2), rs.getString(3), nullableLong(rs, 4), rs.getString(5),
                    rs.getBoolean(6), roles.getOrDefault(id, EnumSet.noneOf(Role.class)));
            people.put(row.email().toLowerCase(Locale.ROOT), row);
            peopleById.put(id, row);
        });
        return new Snapshot(departments, departmentsById, people, peopleById);
    }

    /** Inserts departments without a parent (parents are set once every code has an id); returns code key → id of all. */
    Map<String, Long> insertDepartments(List<ImportPlanner.DepartmentWrite> created, Instant now) {
        jdbc.batchUpdate("INSERT INTO department (code, name, created_at) VALUES (?, ?, ?)",
                created.stream().map(d -> new Object[] {d.code(), d.name(), UtcColumns.of(now)}).toList());
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, code FROM department", rs -> {
            ids.put(codeKey(rs.getString(2)), rs.getLong(1));
        });
        return ids;
    }

    void updateDepartments(List<ImportPlanner.DepartmentWrite> written, Map<String, Long> departmentIds) {
        jdbc.batchUpdate("UPDATE department SET name = ?, parent_id = ? WHERE id = ?", written.stream()
                .map(d -> new Object[] {d.name(), d.parentCode() == null ? null : departmentIds.get(codeKey(d.parentCode())),
                        departmentIds.get(codeKey(d.code()))})
                .toList());
    }

    /** Inserts new people (no password: an administrator issues links) with their roles; returns e-mail → id of all. */
    Map<String, Long> insertPeople(List<ImportPlanner.PersonWrite> created, Map<String, Long> departmentIds, Instant now) {
        jdbc.batchUpdate("INSERT INTO app_user (email, display_name, department_id, language, enabled, created_at)"
                        + " VALUES (?, ?, ?, ?, TRUE, ?)",
                created.stream().map(p -> new Object[] {p.email(), p.name(), departmentIds.get(codeKey(p.departmentCode())),
                        p.language(), UtcColumns.of(now)}).toList());
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, email FROM app_user", rs -> {
            ids.put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(1));
        });
        List<Object[]> roles = new ArrayList<>();
        created.forEach(p -> p.roles().forEach(role -> roles.add(new Object[] {ids.get(p.email()), role.name()})));
        jdbc.batchUpdate("INSERT INTO user_role (user_id, role) VALUES (?, ?)", roles);
        return ids;
    }

    /**
     * Writes the final name, department, language and state of existing people (a person written as disabled is
     * deactivated now: leavers already deactivated are not written); the version tells JPA they changed.
     */
    void updatePeople(List<ImportPlanner.PersonWrite> changed, Map<String, Long> departmentIds, Instant now) {
        jdbc.batchUpdate("UPDATE app_user SET display_name = ?, department_id = ?, language = ?, enabled = ?,"
                        + " deactivated_at = ?, version = version + 1 WHERE id = ?",
                changed.stream().map(p -> new Object[] {p.name(), departmentIds.get(codeKey(p.departmentCode())), p.language(),
                        p.enabled(), p.enabled() ? null : UtcColumns.of(now), p.id()}).toList());
        List<ImportPlanner.PersonWrite> newRoles = changed.stream().filter(p -> p.rolesChanged()).toList();
        jdbc.batchUpdate("DELETE FROM user_role WHERE user_id = ?", newRoles.stream().map(p -> new Object[] {p.id()}).toList());
        List<Object[]> roles = new ArrayList<>();
        newRoles.forEach(p -> p.roles().forEach(role -> roles.add(new Object[] {p.id(), role.name()})));
        jdbc.batchUpdate("INSERT INTO user_role (user_id, role) VALUES (?, ?)", roles);
    }

    void setManagers(Map<String, String> managerByDepartment, Map<String, Long> departmentIds, Map<String, Long> personIds) {
        jdbc.batchUpdate("UPDATE department SET manager_user_id = ? WHERE id = ?", managerByDepartment.entrySet().stream()
                .map(e -> new Object[] {e.getValue() == null ? null : personIds.get(e.getValue()), departmentIds.get(codeKey(e.getKey()))})
                .toList());
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
