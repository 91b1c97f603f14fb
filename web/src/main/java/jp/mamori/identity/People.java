package jp.mamori.identity;

import java.util.List;
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
    @PreAuthorize("hasAnyRole('TRAINING_ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')")
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

    private static Locale language(String tag) {
        return tag == null ? Languages.JAPANESE : Languages.supported(tag).orElse(Languages.JAPANESE);
    }
}
