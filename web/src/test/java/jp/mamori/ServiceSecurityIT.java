package jp.mamori;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import jp.mamori.evidence.AuditLog;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.identity.TestUsers;
import jp.mamori.identity.UserAdministration;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import jp.mamori.system.SystemStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Services refuse every role they do not name, even when called directly (not through a view).
 * Each read operation is called as every role; writes are covered by their own tests.
 */
@MamoriIntegrationTest
class ServiceSecurityIT {

    @Autowired
    SystemStatus systemStatus;
    @Autowired
    AuditLog auditLog;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    UserAdministration administration;
    @Autowired
    TestUsers users;


    @Test
    void each_service_read_is_open_to_exactly_its_roles() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("system status", new Operation(() -> systemStatus.snapshot(), EnumSet.of(Role.SYSTEM_ADMIN)));
        operations.put("audit log", new Operation(() -> auditLog.recent(null, 10),
                EnumSet.of(Role.AUDITOR, Role.PRIVACY_OFFICER, Role.SYSTEM_ADMIN)));
        operations.put("verify ledger", new Operation(() -> ledger.verify(), EnumSet.of(Role.AUDITOR, Role.PRIVACY_OFFICER)));
        operations.put("chain head", new Operation(() -> ledger.head(),
                EnumSet.of(Role.AUDITOR, Role.PRIVACY_OFFICER, Role.TRAINING_ADMIN, Role.SYSTEM_ADMIN)));
        operations.put("latest records", new Operation(() -> ledger.latest(5),
                EnumSet.of(Role.AUDITOR, Role.PRIVACY_OFFICER, Role.TRAINING_ADMIN)));
        operations.put("people", new Operation(() -> administration.users(),
                EnumSet.of(Role.TRAINING_ADMIN, Role.SYSTEM_ADMIN, Role.PRIVACY_OFFICER)));
        operations.put("people overview", new Operation(() -> administration.overview(),
                EnumSet.of(Role.TRAINING_ADMIN, Role.SYSTEM_ADMIN, Role.PRIVACY_OFFICER)));

        for (Role role : Role.values()) {
            users.loginAs("service-" + role.name().toLowerCase() + "@example.jp", role);
            operations.forEach((name, operation) -> {
                if (operation.roles().contains(role)) {
                    assertThatCode(operation.call()::run).as("%s may read %s", role, name).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(operation.call()::run).as("%s may not read %s", role, name)
                            .isInstanceOf(AuthorizationDeniedException.class);
                }
            });
        }
    }

    @Test
    void nobody_who_is_not_logged_in_reads_anything() {
        TestUsers.logout();

        assertThatThrownBy(() -> systemStatus.snapshot()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> ledger.head()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> administration.users()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private record Operation(Runnable call, Set<Role> roles) {
    }
}
