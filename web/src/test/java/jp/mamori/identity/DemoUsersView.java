package jp.mamori.identity;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mamori.shared.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Test access to who exists and with which roles, without logging anybody in. */
@Component
public class DemoUsersView {

    private final UserAccountRepository users;

    DemoUsersView(UserAccountRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Map<String, Set<Role>> emailsWithRoles() {
        return users.findAll().stream().collect(Collectors.toMap(UserAccount::getEmail, UserAccount::getRoles));
    }
}
