package org.xtaserver.tests.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CPU time that named processes have used so far (all their threads, user and kernel, read by
 * {@link OsciBenchmarkProcesses#cpu}). Two samples around a measured period tell how much CPU each
 * process spent on it; divided by the calls, how much CPU a call costs on each side. Everything runs
 * on one machine, so this shows where a round trip's CPU goes: the client, the server, its database,
 * a baseline.
 *
 * <p>A role's processes are looked up at each sample (the embedded database: the server's
 * descendants); a role without any is left out. Where the platform does not tell CPU times, samples
 * are empty rather than zero.
 */
final class ProcessCpu {

	private final Map<String, Supplier<List<ProcessHandle>>> processes;

	private ProcessCpu(Map<String, Supplier<List<ProcessHandle>>> processes) {
		this.processes = processes;
	}

	/** No processes: samples are empty. */
	static ProcessCpu none() {
		return new ProcessCpu(Map.of());
	}

	/** Samples {@code processes}, role to the processes it adds up. */
	static ProcessCpu of(Map<String, Supplier<List<ProcessHandle>>> processes) {
		return ProcessHandle.current().info().totalCpuDuration().isPresent() ? new ProcessCpu(Map.copyOf(processes))
				: none();
	}

	/** CPU time so far per role. */
	Map<String, Duration> sample() {
		Map<String, Duration> cpu = new LinkedHashMap<>();
		this.processes.forEach((role, supplier) -> {
			List<ProcessHandle> handles = supplier.get();
			if (!handles.isEmpty()) {
				cpu.put(role, OsciBenchmarkProcesses.cpu(handles));
			}
		});
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
