package jp.mamori;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.mamori.identity.DemoUsersView;
import jp.mamori.shared.db.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The zero-setup path end to end: with no datasource configured Mamori starts its own MariaDB with data
 * under the configured directory, migrates it and creates one demo user per role; a restart keeps the data.
 */
class EmbeddedDemoModeIT {

    private static Path dataDir;

    @BeforeAll
    static void dataDirectory() throws Exception {
        dataDir = Files.createTempDirectory("mamori-demo");
    }

    @AfterAll
    static void cleanUp() {
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    @Test
    void no_configuration_means_embedded_mariadb_with_demo_users_kept_between_runs() {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(EmbeddedDatabase.class).jdbcUrl()).startsWith("jdbc:mariadb://127.0.0.1:");
            assertThat(app.getBean(DemoUsersView.class).emailsWithRoles())
                    .containsKeys("learner@demo.mamori.jp", "examiner@demo.mamori.jp", "candidate@demo.mamori.jp",
                            "admin@demo.mamori.jp", "officer@demo.mamori.jp", "auditor@demo.mamori.jp", "sysadmin@demo.mamori.jp");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM deck_version").query(Long.class).single()).as("bundled decks").isEqualTo(10);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM company_rules_version").query(Long.class).single()).as("demo rules").isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM education_plan WHERE status = 'APPROVED'").query(Long.class).single())
                    .as("demo plan").isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM assignment a JOIN app_user u ON u.id = a.user_id WHERE u.email = ?")
                    .param("learner@demo.mamori.jp").query(Long.class).single()).as("the demo learner's decks").isEqualTo(5);
        }
        assertThat(dataDir.resolve("mariadb/mamori")).as("database files under the data directory").isDirectory();

        try (ConfigurableApplicationContext again = start()) {
            assertThat(again.getBean(DemoUsersView.class).emailsWithRoles()).hasSize(8);
            assertThat(again.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM company_rules_version").query(Long.class).single())
                    .as("published once").isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start() {
        SpringApplication application = new SpringApplication(MamoriApplication.class);
        return application.run("--mamori.embedded-db.data-dir=" + dataDir, "--spring.main.banner-mode=off",
                "--server.port=0");
    }
}
