package org.xtaserver.tests.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the Linux kernel says about processes and the machine (the benchmarks of the OSCI fetch and
 * the start-up): resident memory from {@code /proc/<pid>/status}, CPU time of a process, and how
 * busy all cores were between two readings of {@code /proc/stat} (other work on the machine shows
 * there too, which is why the benchmarks report it).
 */
final class OsciBenchmarkProcesses {

	private OsciBenchmarkProcesses() {
	}

	/** VmRSS of a process in KiB; 0 when it has ended or the value cannot be read. */
	static long rssKib(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// ended in between or not Linux: reported as 0
		}
		return 0;
	}

	/** VmRSS of the processes together, in KiB. */
	static long rssKib(List<ProcessHandle> processes) {
		return processes.stream().mapToLong((p) -> rssKib(p.pid())).sum();
	}

	/** CPU time (user + system) the processes have used so far. */
	static Duration cpu(List<ProcessHandle> processes) {
		return processes.stream()
			.map((p) -> p.info().totalCpuDuration().orElse(Duration.ZERO))
			.reduce(Duration.ZERO, Duration::plus);
	}

	/**
	 * Asks a JVM for a full garbage collection ({@code jcmd <pid> GC.run}), so that the heap used
	 * afterwards is its live set rather than whatever garbage the last collection left.
	 * @return whether jcmd succeeded
	 */
	static boolean fullGc(long pid) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		if (!Files.isExecutable(jcmd)) {
			return false;
		}
		try {
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return false;
			}
			return process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Mebibytes from KiB, for tables. */
	static double mib(long kib) {
		return kib / 1024.0;
	}

	/** 1-minute load average of the machine, or -1. */
	static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** A reading of the machine's CPU counters; {@link #busySince} compares two of them. */
	record MachineCpu(long busy, long total) {

		static MachineCpu now() {
			try {
				String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long total = 0;
				long idle = 0;
				// user nice system idle iowait irq softirq steal; guest time is already in user and nice
				for (int i = 1; i < Math.min(fields.length, 9); i++) {
					long value = Long.parseLong(fields[i]);
					total += value;
					// idle and iowait
					if (i == 4 || i == 5) {
						idle += value;
					}
				}
				return new MachineCpu(total - idle, total);
			}
			catch (IOException | RuntimeException ex) {
				return new MachineCpu(0, 0);
			}
		}

		/** Share of all cores' time that was busy since {@code earlier}, in percent; -1 if unknown. */
		double busySince(MachineCpu earlier) {
			long total = this.total - earlier.total;
			return total <= 0 ? -1 : 100.0 * (this.busy - earlier.busy) / total;
		}
	}

}
