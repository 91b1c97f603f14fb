package jp.mamori.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.mamori.shared.Role;
import jp.mamori.shared.db.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo people for every role, created on the embedded database only (never on a real server), and
 * only into an empty user table. The logins are listed in the README.
 */
@Component
@Order(1)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "mamori-demo-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final DemoMode demo;
    private final UserAccountRepository users;
    private final DepartmentRepository departments;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoUsers(DemoMode demo, UserAccountRepository users, DepartmentRepository departments,
              PasswordEncoder passwordEncoder, TransactionTemplate transaction, Clock clock) {
        this.demo = demo;
        this.users = users;
        this.departments = departments;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.active() || users.count() > 0) {
            return;
        }
        List<String> created = transaction.execute(status -> create());
        log.info("Demo mode: created {} demo users ({}), password '{}'", created.size(), String.join(", ", created), PASSWORD);
    }

    private List<String> create() {
        var now = clock.instant();
        Department office = departments.save(new Department("PMS", "個人情報保護事務局", null, now));
        Department sales = departments.save(new Department("SALES", "営業部", null, now));
        Department general = departments.save(new Department("GA", "総務部", null, now));
        Department it = departments.save(new Department("IT", "情報システム部", null, now));
        Department audit = departments.save(new Department("AUDIT", "内部監査室", null, now));
        List<String> emails = new ArrayList<>();
        emails.add(user("learner@demo.mamori.jp", "山田 花子", sales, Set.of(Role.LEARNER)));
        emails.add(user("learner2@demo.mamori.jp", "小林 大輔", general, Set.of(Role.LEARNER)));
        emails.add(user("examiner@demo.mamori.jp", "佐藤 健", null, Set.of(Role.EXAMINER)));
        emails.add(user("candidate@demo.mamori.jp", "鈴木 一郎", null, Set.of(Role.CANDIDATE)));
        emails.add(user("admin@demo.mamori.jp", "田中 美咲", office, Set.of(Role.TRAINING_ADMIN, Role.LEARNER)));
        emails.add(user("officer@demo.mamori.jp", "高橋 誠", office, Set.of(Role.PRIVACY_OFFICER, Role.LEARNER)));
        emails.add(user("auditor@demo.mamori.jp", "伊藤 直子", audit, Set.of(Role.AUDITOR)));
        emails.add(user("sysadmin@demo.mamori.jp", "渡辺 翔", it, Set.of(Role.SYSTEM_ADMIN)));
        return emails;
    }

    private String user(String email, String name, Department department, Set<Role> roles) {
        UserAccount user = new UserAccount(email, name, department, roles, clock.instant());
        user.setPasswordHash(passwordEncoder.encode(PASSWORD));
        users.save(user);
        return email;
    }
}
