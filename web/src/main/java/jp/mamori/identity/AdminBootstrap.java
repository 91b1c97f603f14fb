package jp.mamori.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import jp.mamori.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A production start on an empty database: creates the first SYSTEM_ADMIN from {@code MAMORI_ADMIN_EMAIL}
 * and prints a one-time link to set the password. Does nothing once anyone has an account.
 */
@Component
@Order(2)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccountRepository users;
    private final PasswordLinks passwordLinks;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String adminEmail;

    AdminBootstrap(UserAccountRepository users, PasswordLinks passwordLinks, TransactionTemplate transaction, Clock clock,
                   @Value("${mamori.admin-email:}") String adminEmail) {
        this.users = users;
        this.passwordLinks = passwordLinks;
        this.transaction = transaction;
        this.clock = clock;
        this.adminEmail = adminEmail.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        if (adminEmail.isEmpty()) {
            log.warn("No user accounts exist. Set MAMORI_ADMIN_EMAIL and restart to create the first system administrator.");
            return;
        }
        String link = transaction.execute(status -> {
            UserAccount admin = users.save(new UserAccount(adminEmail, "System administrator", null,
                    Set.of(Role.SYSTEM_ADMIN), clock.instant()));
            return passwordLinks.issue(admin, "bootstrap");
        });
        log.warn("First system administrator (MAMORI_ADMIN_EMAIL) created. Open this one-time link to set the password: {}", link);
    }
}
