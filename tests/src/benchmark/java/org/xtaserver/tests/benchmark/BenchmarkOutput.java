package org.xtaserver.tests.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a benchmark leaves its results for {@link BenchmarkReport}: in {@code target/benchmark/}
 * (system property {@code xta.benchmark.out}) each benchmark writes its table as
 * {@code <id>.csv} and its section of docs/benchmarks.md as {@code <id>.md}. The report puts the
 * sections together in a fixed order and copies the CSV files next to it.
 */
public final class BenchmarkOutput {

	private final Path directory;

	private BenchmarkOutput(Path directory) {
		this.directory = directory;
	}

	/** The output folder of this run, created if missing. */
	public static BenchmarkOutput current() {
		Path directory = Paths.get(System.getProperty("xta.benchmark.out", "target/benchmark")).toAbsolutePath();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new BenchmarkOutput(directory);
	}

	public Path directory() {
		return this.directory;
	}

	/** Writes {@code <id>.csv}: a header line and one line per row; values are written with {@code String.valueOf}. */
	public Path writeCsv(String id, List<String> header, List<List<?>> rows) {
		StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
		for (List<?> row : rows) {
			csv.append(row.stream().map(BenchmarkOutput::csvValue).collect(Collectors.joining(","))).append('\n');
		}
		return write(id + ".csv", csv.toString());
	}

	/** Writes {@code <id>.md}, this benchmark's section of docs/benchmarks.md (starting with a "## " heading). */
	public Path writeSection(String id, String markdown) {
		return write(id + ".md", markdown.endsWith("\n") ? markdown : markdown + "\n");
	}

	/** Any other file of the run (raw samples, a chart), by name. */
	public Path write(String fileName, String content) {
		Path file = this.directory.resolve(fileName);
		try {
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	private static String csvValue(Object value) {
		String text = String.valueOf(value);
		if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
