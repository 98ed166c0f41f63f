package org.xtaserver.tests.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Writes {@code docs/benchmarks.md} from what one benchmark run left behind: the sections
 * ({@code <id>.md}), summary rows ({@code <id>.targets.csv}), tables and charts of the benchmarks
 * in the output folder, and the surefire reports of the heavy CI test variants and of every
 * benchmark class. Copies the CSV and PNG files to {@code docs/benchmarks/} (replacing those of an
 * earlier run, so that everything shown comes from one run). Run by the {@code benchmark} profile
 * after the tests, whether they passed or not.
 *
 * <p>Arguments: output folder of the run, docs folder, surefire reports folder.
 */
public final class BenchmarkReport {

	/** The sections of benchmarks.md in order, with the title shown when a benchmark wrote none. */
	static final List<Section> SECTIONS = List.of(new Section("round-trip", "XTA round trip over mutual TLS"),
			new Section("osci-fetch", "OSCI fetch throughput"),
			new Section("large-attachment", "1 GB attachment with a 256 MB heap"),
			new Section("startup", "Start-up time and resident memory with 200 tenants"),
			new Section("soak", "Soak under steady load"));

	/** The CI tests whose heavy variants the benchmark profile runs, and the property prefixes that make them heavy. */
	static final Map<String, String> HEAVY_TESTS = heavyTests();

	static final String BENCHMARK_PACKAGE = "org.xtaserver.tests.benchmark.";

	static final String COMMAND = "tests/benchmark/run";

	private final Path outDirectory;

	private final Path docsDirectory;

	private final Path surefireReports;

	BenchmarkReport(Path outDirectory, Path docsDirectory, Path surefireReports) {
		this.outDirectory = outDirectory.toAbsolutePath().normalize();
		this.docsDirectory = docsDirectory.toAbsolutePath().normalize();
		this.surefireReports = surefireReports.toAbsolutePath().normalize();
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			throw new IllegalArgumentException("usage: BenchmarkReport <benchmark output dir> <docs dir> <surefire reports dir>");
		}
		Path written = new BenchmarkReport(Paths.get(args[0]), Paths.get(args[1]), Paths.get(args[2])).write();
		System.out.println("Benchmark report: " + written + " (tables and charts in "
				+ written.resolveSibling("benchmarks") + ")");
	}

	/** Writes benchmarks.md and copies the data files; returns the path of benchmarks.md. */
	Path write() throws IOException {
		Files.createDirectories(this.outDirectory);
		Path files = Files.createDirectories(this.docsDirectory.resolve("benchmarks"));
		List<String> dataFiles = copyDataFiles(files);
		List<SuiteReport> suites = suiteReports();

		StringBuilder md = new StringBuilder("# Benchmarks\n\n");
		md.append("<!-- Written by ").append(COMMAND).append(" (BenchmarkReport); the next run replaces it. -->\n\n");
		md.append("Reproduce from the repository root with `").append(COMMAND).append("`: it builds once (`mvn -B ")
			.append("-DskipTests install`), then runs `mvn -B -pl tests -Pbenchmark verify`, which starts everything ")
			.append("it needs on this machine (servers, baselines, simulator), runs the benchmarks one after the other ")
			.append("and writes this page. It takes about an hour on 2 cores and is not part of `mvn verify`. ")
			.append("Every figure below comes from one such run; the tables are also in [benchmarks/](benchmarks/) as ")
			.append("CSV.\n\n");
		if (Boolean.getBoolean("xta.benchmark.quick")) {
			md.append("> **Quick mode** (`-Dxta.benchmark.quick=true`): shortened periods and sizes, a smoke run of ")
				.append("the benchmark code. These figures are not a measurement.\n\n");
		}
		machine(md);
		summary(md);
		for (Section section : SECTIONS) {
			section(md, section, dataFiles);
		}
		heavyVariants(md, suites);
		failedBenchmarks(md, suites);
		otherFiles(md, dataFiles);

		Path report = this.docsDirectory.resolve("benchmarks.md");
		Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
		return report;
	}

	/** Replaces the CSV and PNG files of an earlier run in docs/benchmarks/ with this run's; returns their names. */
	private List<String> copyDataFiles(Path target) throws IOException {
		for (Path old : list(target)) {
			if (isDataFile(old)) {
				Files.delete(old);
			}
		}
		List<String> names = new ArrayList<>();
		for (Path file : list(this.outDirectory)) {
			if (isDataFile(file)) {
				Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				names.add(file.getFileName().toString());
			}
		}
		return names;
	}

	private static boolean isDataFile(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && (name.endsWith(".csv") || name.endsWith(".png"));
	}

	private void machine(StringBuilder md) {
		md.append("## Machine\n\n| | |\n|---|---|\n");
		row(md, "Date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
		row(md, "Commit", gitCommit());
		row(md, "CPU", Runtime.getRuntime().availableProcessors() + " cores"
				+ procField("/proc/cpuinfo", "model name").map((model) -> " (" + model + ")").orElse(""));
		row(md, "Memory", procField("/proc/meminfo", "MemTotal").map(BenchmarkReport::memory).orElse("unknown"));
		row(md, "OS", osRelease().map((name) -> name + ", ").orElse("") + System.getProperty("os.name") + " "
				+ System.getProperty("os.version") + " " + System.getProperty("os.arch"));
		row(md, "Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		md.append('\n');
	}

	private static void row(StringBuilder md, String name, String value) {
		md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
	}

	private void summary(StringBuilder md) throws IOException {
		md.append("## Summary\n\n");
		List<List<String>> rows = new ArrayList<>();
		List<Path> targetFiles = list(this.outDirectory).stream()
			.filter((file) -> file.getFileName().toString().endsWith(".targets.csv"))
			.sorted((a, b) -> Integer.compare(order(a), order(b)))
			.toList();
		for (Path file : targetFiles) {
			List<List<String>> csv = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
			if (csv.isEmpty()) {
				continue;
			}
			List<String> header = csv.get(0);
			for (List<String> line : csv.subList(1, csv.size())) {
				List<String> row = new ArrayList<>();
				for (String column : List.of("figure", "ours", "baseline", "ratio", "target", "met")) {
					int at = header.indexOf(column);
					row.add((at >= 0 && at < line.size()) ? line.get(at) : "");
				}
				rows.add(row);
			}
		}
		if (rows.isEmpty()) {
			md.append("No benchmark wrote figures with a baseline or target.\n\n");
			return;
		}
		md.append("| Figure | Ours | Baseline | Ratio | Target | Met |\n|---|---:|---:|---:|---|---|\n");
		for (List<String> row : rows) {
			String met = switch (row.get(5).trim().toLowerCase(Locale.ROOT)) {
				case "true" -> "yes";
				case "false" -> "**no**";
				default -> row.get(5);
			};
			md.append("| ").append(cell(row.get(0))).append(" | ").append(cell(row.get(1))).append(" | ")
				.append(cell(row.get(2))).append(" | ").append(cell(row.get(3))).append(" | ").append(cell(row.get(4)))
				.append(" | ").append(cell(met)).append(" |\n");
		}
		md.append('\n');
	}

	/** Position of a file's section in the report; files of no section come last. */
	private static int order(Path file) {
		String name = file.getFileName().toString();
		for (int i = 0; i < SECTIONS.size(); i++) {
			if (SECTIONS.get(i).owns(name)) {
				return i;
			}
		}
		return SECTIONS.size();
	}

	private void section(StringBuilder md, Section section, List<String> dataFiles) throws IOException {
		Path file = this.outDirectory.resolve(section.id() + ".md");
		String text;
		if (Files.isRegularFile(file)) {
			text = Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		else {
			text = "## " + section.title() + "\n\nnot run / failed: see surefire report (`" + display(this.surefireReports)
					+ "`)";
		}
		md.append(text).append("\n\n");
		List<String> own = dataFiles.stream().filter(section::owns).sorted().toList();
		for (String png : own.stream().filter((name) -> name.endsWith(".png")).toList()) {
			if (!text.contains(png)) {
				md.append("![").append(section.title()).append("](benchmarks/").append(png).append(")\n\n");
			}
		}
		List<String> csv = own.stream().filter((name) -> name.endsWith(".csv")).toList();
		if (!csv.isEmpty()) {
			md.append("Data: ");
			md.append(String.join(", ", csv.stream().map((name) -> "[" + name + "](benchmarks/" + name + ")").toList()));
			md.append("\n\n");
		}
	}

	private void heavyVariants(StringBuilder md, List<SuiteReport> suites) {
		md.append("## Heavy variants of the CI tests\n\n");
		md.append("The benchmark profile also runs two CI tests with heavier settings than in `mvn verify`.\n\n");
		md.append("| Test | Tests | Failures | Errors | Skipped | Time | Settings |\n|---|---:|---:|---:|---:|---:|---|\n");
		for (Map.Entry<String, String> heavy : HEAVY_TESTS.entrySet()) {
			String simpleName = heavy.getKey().substring(heavy.getKey().lastIndexOf('.') + 1);
			Optional<SuiteReport> suite = suites.stream().filter((s) -> s.name().equals(heavy.getKey())).findFirst();
			if (suite.isEmpty()) {
				md.append("| ").append(simpleName).append(" | not run / failed: see surefire report | | | | | |\n");
				continue;
			}
			SuiteReport report = suite.get();
			String settings = String.join(", ", report.properties()
				.entrySet()
				.stream()
				.filter((property) -> property.getKey().startsWith(heavy.getValue()))
				.map((property) -> "`" + property.getKey() + "=" + property.getValue() + "`")
				.toList());
			md.append("| ").append(simpleName).append(" | ").append(report.tests()).append(" | ")
				.append(report.failures()).append(" | ").append(report.errors()).append(" | ").append(report.skipped())
				.append(" | ").append(String.format(Locale.ROOT, "%.0f s", report.seconds())).append(" | ")
				.append(settings.isEmpty() ? "(none recorded)" : settings).append(" |\n");
		}
		md.append('\n');
	}

	private void failedBenchmarks(StringBuilder md, List<SuiteReport> suites) {
		md.append("## Failed benchmarks\n\n");
		List<SuiteReport> benchmarks = suites.stream()
			.filter((suite) -> suite.name().startsWith(BENCHMARK_PACKAGE) && suite.name().endsWith("Benchmark"))
			.toList();
		if (benchmarks.isEmpty()) {
			md.append("No surefire report of a benchmark class in `").append(display(this.surefireReports))
				.append("`.\n\n");
			return;
		}
		List<SuiteReport> failed = benchmarks.stream().filter((suite) -> suite.failures() + suite.errors() > 0).toList();
		if (failed.isEmpty()) {
			md.append("None: ").append(String.join(", ", benchmarks.stream()
				.map((suite) -> suite.name().substring(BENCHMARK_PACKAGE.length()))
				.toList())).append(" passed.\n\n");
			return;
		}
		for (SuiteReport suite : failed) {
			md.append("- ").append(suite.name().substring(BENCHMARK_PACKAGE.length())).append(": ");
			md.append(String.join("; ", suite.problems().stream().map((problem) -> "`" + problem.replace('`', '\'') + "`").toList()));
			md.append('\n');
		}
		md.append('\n');
	}

	private static void otherFiles(StringBuilder md, List<String> dataFiles) {
		List<String> others = dataFiles.stream()
			.filter((name) -> SECTIONS.stream().noneMatch((section) -> section.owns(name)))
			.sorted()
			.toList();
		if (others.isEmpty()) {
			return;
		}
		md.append("## Other files of this run\n\n");
		others.forEach((name) -> md.append("- [").append(name).append("](benchmarks/").append(name).append(")\n"));
		md.append('\n');
	}

	private List<SuiteReport> suiteReports() throws IOException {
		List<SuiteReport> reports = new ArrayList<>();
		for (Path file : list(this.surefireReports)) {
			String name = file.getFileName().toString();
			if (name.startsWith("TEST-") && name.endsWith(".xml")) {
				reports.add(SuiteReport.read(file));
			}
		}
		return reports;
	}

	private static List<Path> list(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.sorted().toList();
		}
	}

	/** A path relative to the working directory when it lies below it. */
	private static String display(Path path) {
		Path here = Paths.get("").toAbsolutePath();
		return path.startsWith(here) ? here.relativize(path).toString() : path.toString();
	}

	/** A table cell: one line, no column separators. */
	static String cell(String text) {
		return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
	}

	private static String gitCommit() {
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
			String output;
			try (InputStream in = git.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
			}
			if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 && output.matches("[0-9a-f]{4,40}")) {
				return output;
			}
			git.destroyForcibly();
			return "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	/** The value of the first {@code name: value} line of a /proc file. */
	private static Optional<String> procField(String file, String name) {
		try (Stream<String> lines = Files.lines(Paths.get(file))) {
			return lines.filter((line) -> line.startsWith(name))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static String memory(String memTotal) {
		String kilobytes = memTotal.replaceAll("[^0-9]", "");
		if (kilobytes.isEmpty()) {
			return memTotal;
		}
		return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kilobytes) / 1024.0 / 1024.0);
	}

	/** PRETTY_NAME of /etc/os-release, e.g. "Debian GNU/Linux 12 (bookworm)". */
	private static Optional<String> osRelease() {
		try (Stream<String> lines = Files.lines(Paths.get("/etc/os-release"))) {
			return lines.filter((line) -> line.startsWith("PRETTY_NAME="))
				.map((line) -> line.substring("PRETTY_NAME=".length()).replace("\"", "").trim())
				.filter((name) -> !name.isEmpty())
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static Map<String, String> heavyTests() {
		Map<String, String> tests = new LinkedHashMap<>();
		tests.put("org.xtaserver.tests.crash.KillDuringLoadTest", "xta.crash.");
		tests.put("org.xtaserver.tests.replicas.TwoReplicasShareOneDatabaseTest", "xta.replicas.");
		return tests;
	}

	/**
	 * A section of benchmarks.md.
	 *
	 * @param id the benchmark's id, prefix of its files
	 * @param title heading shown when the benchmark wrote no section
	 */
	record Section(String id, String title) {

		/** Whether a file of the output folder belongs to this section ({@code <id>.*} or {@code <id>-*}). */
		boolean owns(String fileName) {
			return fileName.startsWith(this.id + ".") || fileName.startsWith(this.id + "-");
		}
	}

	/**
	 * One surefire XML report.
	 *
	 * @param name the test class
	 * @param problems first line of every failure and error, with its test method
	 * @param properties the system properties surefire recorded
	 */
	record SuiteReport(String name, int tests, int failures, int errors, int skipped, double seconds,
			List<String> problems, Map<String, String> properties) {

		static SuiteReport read(Path file) {
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
				Document document = factory.newDocumentBuilder().parse(file.toFile());
				Element suite = document.getDocumentElement();
				Map<String, String> properties = new LinkedHashMap<>();
				NodeList propertyElements = suite.getElementsByTagName("property");
				for (int i = 0; i < propertyElements.getLength(); i++) {
					Element property = (Element) propertyElements.item(i);
					properties.put(property.getAttribute("name"), property.getAttribute("value"));
				}
				List<String> problems = new ArrayList<>();
				NodeList cases = suite.getElementsByTagName("testcase");
				for (int i = 0; i < cases.getLength(); i++) {
					Element testCase = (Element) cases.item(i);
					for (String kind : List.of("failure", "error")) {
						NodeList found = testCase.getElementsByTagName(kind);
						if (found.getLength() > 0) {
							Element problem = (Element) found.item(0);
							String message = problem.getAttribute("message").isBlank() ? problem.getAttribute("type")
									: problem.getAttribute("message");
							problems.add(testCase.getAttribute("name") + ": " + firstLine(message));
						}
					}
				}
				return new SuiteReport(suite.getAttribute("name"), integer(suite, "tests"), integer(suite, "failures"),
						integer(suite, "errors"), integer(suite, "skipped"), decimal(suite, "time"), problems, properties);
			}
			catch (Exception ex) {
				String name = file.getFileName().toString().replaceFirst("^TEST-", "").replaceFirst("\\.xml$", "");
				return new SuiteReport(name, 0, 0, 1, 0, 0, List.of("unreadable surefire report " + file + ": " + ex),
						Map.of());
			}
		}

		private static String firstLine(String text) {
			String line = text.strip().lines().findFirst().orElse("");
			return (line.length() > 300) ? line.substring(0, 300) + "..." : line;
		}

		private static int integer(Element element, String attribute) {
			String value = element.getAttribute(attribute).trim();
			return value.isEmpty() ? 0 : Integer.parseInt(value);
		}

		private static double decimal(Element element, String attribute) {
			String value = element.getAttribute(attribute).replace(",", "").trim();
			return value.isEmpty() ? 0 : Double.parseDouble(value);
		}
	}

	/** Reads the CSV files BenchmarkOutput writes (RFC 4180 quoting). */
	static final class Csv {

		private Csv() {
		}

		static List<List<String>> parse(String text) {
			List<List<String>> rows = new ArrayList<>();
			List<String> row = new ArrayList<>();
			StringBuilder value = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
						value.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						value.append(c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					row.add(value.toString());
					value.setLength(0);
				}
				else if (c == '\n') {
					row.add(value.toString());
					value.setLength(0);
					rows.add(row);
					row = new ArrayList<>();
				}
				else if (c != '\r') {
					value.append(c);
				}
			}
			if (value.length() > 0 || !row.isEmpty()) {
				row.add(value.toString());
				rows.add(row);
			}
			return rows;
		}
	}
}
