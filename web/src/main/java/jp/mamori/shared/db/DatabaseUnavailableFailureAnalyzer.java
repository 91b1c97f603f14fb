package jp.mamori.shared.db;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns "the database did not answer at start-up" into a short message that says what to check. */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        boolean connection = state != null && state.startsWith("08");
        boolean access = "28000".equals(state);
        if (!connection && !access) {
            return null;
        }
        String description = (connection
                ? "Mamori could not connect to its database: "
                : "The database refused Mamori's user name or password: ") + cause.getMessage();
        String action = "Check that the MariaDB server (10.11 or newer) is running and reachable, and that "
                + "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD are right. "
                + "Leave SPRING_DATASOURCE_URL unset to run on the embedded database with demo data.";
        return new FailureAnalysis(description, action, cause);
    }
}
