package org.xtaserver.tests.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CPU time that named processes have used so far (all their threads, user and kernel), as the
 * operating system counts it ({@link ProcessHandle.Info#totalCpuDuration()}). Two samples around a
 * measured period tell how much CPU each process spent on it; divided by the calls, how much CPU a
 * call costs on each side. Everything runs on one machine, so this shows where a round trip's CPU
 * goes: the client, the server, its database, a baseline.
 *
 * <p>A process is looked up at each sample (the embedded database is a child of the server found by
 * its command). One that is gone or whose CPU time the platform does not tell is left out.
 */
final class ProcessCpu {

	private final Map<String, Supplier<Optional<ProcessHandle>>> processes;

	private ProcessCpu(Map<String, Supplier<Optional<ProcessHandle>>> processes) {
		this.processes = processes;
	}

	/** No processes: samples are empty. */
	static ProcessCpu none() {
		return new ProcessCpu(Map.of());
	}

	/** Samples {@code processes}, role to process. */
	static ProcessCpu of(Map<String, Supplier<Optional<ProcessHandle>>> processes) {
		return new ProcessCpu(Map.copyOf(processes));
	}

	/** The first live descendant of {@code parent} whose command ends with {@code command}, e.g. mariadbd. */
	static Supplier<Optional<ProcessHandle>> descendant(Supplier<ProcessHandle> parent, String command) {
		return () -> parent.get()
			.descendants()
			.filter((child) -> child.info().command().map((path) -> path.endsWith("/" + command)).orElse(false))
			.findFirst();
	}

	/** CPU time so far per role. */
	Map<String, Duration> sample() {
		Map<String, Duration> cpu = new LinkedHashMap<>();
		this.processes.forEach((role, process) -> process.get()
			.flatMap((handle) -> handle.info().totalCpuDuration())
			.ifPresent((used) -> cpu.put(role, used)));
		return cpu;
	}

	/** What each role used between {@code before} and {@code after}; roles missing in either are left out. */
	static Map<String, Duration> between(Map<String, Duration> before, Map<String, Duration> after) {
		Map<String, Duration> used = new LinkedHashMap<>();
		after.forEach((role, cpu) -> {
			Duration start = before.get(role);
			if (start != null) {
				used.put(role, cpu.minus(start));
			}
		});
		return used;
	}

	/** Sums per role (roles of either). */
	static Map<String, Duration> plus(Map<String, Duration> a, Map<String, Duration> b) {
		Map<String, Duration> sum = new LinkedHashMap<>(a);
		b.forEach((role, cpu) -> sum.merge(role, cpu, Duration::plus));
		return sum;
	}
}
