package jp.mamori.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

class DatabaseUnavailableFailureAnalyzerTest {

    private final DatabaseUnavailableFailureAnalyzer analyzer = new DatabaseUnavailableFailureAnalyzer();

    @Test
    void a_refused_connection_at_start_up_says_what_to_check() {
        var failure = new BeanCreationException("flyway",
                new SQLNonTransientConnectionException("Socket fail to connect to 127.0.0.1:3999", "08000"));

        var analysis = analyzer.analyze(failure);

        assertThat(analysis.getDescription()).contains("could not connect", "127.0.0.1:3999");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL", "10.11");
    }

    @Test
    void a_refused_password_is_named_as_such() {
        var analysis = analyzer.analyze(new BeanCreationException("dataSource",
                new SQLException("Access denied for user 'mamori'", "28000")));

        assertThat(analysis.getDescription()).contains("refused Mamori's user name or password");
    }

    @Test
    void other_sql_failures_are_left_to_the_default_report() {
        assertThat(analyzer.analyze(new SQLException("syntax error", "42000"))).isNull();
    }
}
