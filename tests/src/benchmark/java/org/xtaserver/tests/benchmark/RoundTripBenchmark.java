package org.xtaserver.tests.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.activation.DataHandler;

import org.apache.cxf.attachment.ByteDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;

/**
 * Issue 6, point 1: XTA round trips (createMessageId, sendMessage, getStatusList, getMessage,
 * close) over mutual TLS with 1, 8 and 32 concurrent clients and 10 KB and 1 MB messages, beside
 * a bare CXF echo endpoint on the same TLS and SOAP stack as the baseline, in the same run, and
 * the XTA protocol baseline ({@link XtaProtocolBaselineServer}) that tells the XTA messages' share
 * of the gap from the server's own work. Writes
 * {@code round-trip.csv}, {@code round-trip.md}, {@code round-trip.targets.csv} and
 * {@code round-trip.png}; then fails if any call failed.
 */
class RoundTripBenchmark {

	static final String ID = "round-trip";

	/** 10 KiB and 1 MiB. */
	static final List<Size> SIZES = List.of(new Size("10 KB", 10 * 1024), new Size("1 MB", 1024 * 1024));

	static final List<Integer> CLIENTS = List.of(1, 8, 32);

	/** The configuration the issue sets a target for, and the target: ours at least half the baseline. */
	static final String TARGET_SIZE = "10 KB";

	static final int TARGET_CLIENTS = 8;

	static final double TARGET_RATIO = 0.5;

	/** The XTA server and the echo baseline get the same heap. */
	static final String HEAP = "-Xmx512m";

	/** The processes whose CPU time each block samples ({@link ProcessCpu}), by role. */
	static final String CLIENT = "client";

	static final String SERVER = "server";

	static final String DATABASE = "database";

	static final String ECHO = "echo";

	static final String PROTOCOL = "xta-protocol";

	/** Payload of the baseline's small calls: about what createMessageId, getStatusList and close carry. */
	static final int CONTROL_BYTES = 256;

	/** Whether the issue sets a target for the configuration of {@code size} with {@code clients}. */
	static boolean isTarget(Size size, int clients) {
		return size.label().equals(TARGET_SIZE) && clients == TARGET_CLIENTS;
	}

	@Test
	@Timeout(value = 50, unit = TimeUnit.MINUTES) // the full run takes about 30 minutes; the module default is 5
	void roundTripsOverMutualTlsAgainstABareCxfEchoBaseline() throws Exception {
		Plan plan = Plan.fromSystemProperties();
		List<Row> rows = new ArrayList<>();
		List<ConcurrentLoad.Result> warmUps = new ArrayList<>();
		try (XtaServer server = XtaServer.builder(ID).jvmArgs(HEAP).start();
				BaselineProcess echo = BaselineProcess.start("echo", EchoBaselineServer.class, EchoBaselineServer.READY, server,
						emptied(server.workingDirectory().resolveSibling(ID + "-echo")), HEAP);
				BaselineProcess protocol = BaselineProcess.start("xta-protocol", XtaProtocolBaselineServer.class,
						XtaProtocolBaselineServer.READY, server,
						emptied(server.workingDirectory().resolveSibling(ID + "-xta-protocol")), HEAP)) {
			DemoIdentity author = identity(server, "musterstadt", 0);
			DemoIdentity reader = identity(server, "beispielhausen", 1);
			String service = DemoTenants.serviceOf(server, reader.party());
			int maxClients = CLIENTS.stream().mapToInt(Integer::intValue).max().orElseThrow();
			List<XtaClient> xtaClients = new ArrayList<>();
			List<XtaClient> protocolClients = new ArrayList<>();
			List<EchoPort> echoClients = new ArrayList<>();
			XtaClients clients = XtaClients.of(server);
			XtaClients bare = XtaClients.of(protocol.httpsRoot(), server.caCertificate());
			XtaClients echoes = XtaClients.of(echo.httpsRoot(), server.caCertificate());
			for (int i = 0; i < maxClients; i++) {
				xtaClients.add(new XtaClient(clients.management(author), clients.send(author), clients.msgBox(reader)));
				protocolClients.add(new XtaClient(bare.management(author), bare.send(author), bare.msgBox(reader)));
				echoClients.add(echoes.port(EchoPort.class, EchoPort.PATH, author));
			}
			Calls calls = new Calls(xtaClients, protocolClients, echoClients, author, reader, service);
			ProcessCpu cpu = ProcessCpu.of(Map.of(CLIENT, () -> List.of(ProcessHandle.current()), SERVER,
					() -> List.of(server.processHandle()), DATABASE, () -> server.processHandle().descendants().toList(),
					ECHO, () -> List.of(echo.processHandle()), PROTOCOL, () -> List.of(protocol.processHandle())));

			// JIT, TLS sessions and connection pools of all three sides warm up once before any configuration.
			byte[] warmUpPayload = payload(SIZES.get(0).bytes());
			warmUps.add(ConcurrentLoad.run("echo-warm-up", calls.echo(TARGET_CLIENTS, warmUpPayload), plan.firstWarmUp(),
					Duration.ofSeconds(1), ProcessCpu.none()));
			warmUps.add(ConcurrentLoad.run("xta-protocol-warm-up",
					calls.protocol(TARGET_CLIENTS, warmUpPayload), plan.firstWarmUp(), Duration.ofSeconds(1),
					ProcessCpu.none()));
			warmUps.add(ConcurrentLoad.run("xta-warm-up", calls.xta(TARGET_CLIENTS, warmUpPayload, new Steps()),
					plan.firstWarmUp(), Duration.ofSeconds(1), ProcessCpu.none()));

			for (Size size : SIZES) {
				byte[] payload = payload(size.bytes());
				for (int n : CLIENTS) {
					if (plan.includes(size, n)) {
						rows.add(measure(plan, size, n, calls, payload, cpu));
					}
				}
			}
		}
		finally {
			write(plan, rows);
		}

		assertThat(warmUps).as("calls that failed during the warm-up")
			.allSatisfy((warmUp) -> assertThat(warmUp.errorKinds()).isEmpty());
		assertThat(rows).hasSize(plan.configurations()).allSatisfy((row) -> {
			assertThat(row.failure()).as(row.label() + ": configuration aborted").isNull();
			assertThat(row.ours().errorKinds()).as(row.label() + ": failed XTA round trips").isEmpty();
			assertThat(row.baseline().errorKinds()).as(row.label() + ": failed echo round trips").isEmpty();
			assertThat(row.protocol().errorKinds()).as(row.label() + ": failed XTA protocol baseline round trips")
				.isEmpty();
			assertThat(row.protocol().calls()).as(row.label() + ": XTA protocol baseline round trips completed")
				.isPositive();
			assertThat(row.ours().calls()).as(row.label() + ": XTA round trips completed").isPositive();
			assertThat(row.baseline().calls()).as(row.label() + ": echo round trips completed").isPositive();
			if (ProcessHandle.current().info().totalCpuDuration().isPresent()) {
				assertThat(row.ours().cpu()).as(row.label() + ": CPU time of the XTA side's processes")
					.containsKeys(CLIENT, SERVER, DATABASE);
				assertThat(row.ours().cpuMillisPerCall(SERVER)).as(row.label() + ": server CPU per round trip").isPositive();
			}
		});
	}

	/**
	 * The baseline and the server take turns in blocks, so that both sample the same stretches of
	 * the machine's speed, which drifts over minutes; each side's first block has the long warm-up.
	 */
	private static Row measure(Plan plan, Size size, int n, Calls calls, byte[] payload, ProcessCpu cpu) {
		String label = size.label() + ", " + n + (n == 1 ? " client" : " clients");
		try {
			List<ConcurrentLoad.Call> echo = calls.echo(n, payload);
			List<ConcurrentLoad.Call> protocol = calls.protocol(n, payload);
			Steps steps = new Steps();
			List<ConcurrentLoad.Call> xta = calls.xta(n, payload, steps);
			List<ConcurrentLoad.Result> echoBlocks = new ArrayList<>();
			List<ConcurrentLoad.Result> protocolBlocks = new ArrayList<>();
			List<ConcurrentLoad.Result> xtaBlocks = new ArrayList<>();
			for (int block = 1; block <= plan.blocks(size, n); block++) {
				Duration warmUp = (block == 1) ? plan.warmUp() : plan.blockWarmUp();
				echoBlocks.add(ConcurrentLoad.run("echo-" + n + "-" + block, echo, warmUp, plan.block(), cpu));
				protocolBlocks.add(ConcurrentLoad.run("xta-protocol-" + n + "-" + block, protocol, warmUp, plan.block(), cpu));
				xtaBlocks.add(ConcurrentLoad.run("xta-" + n + "-" + block, xta, warmUp, plan.block(), cpu));
			}
			ConcurrentLoad.Result baseline = ConcurrentLoad.Result.combine(echoBlocks);
			ConcurrentLoad.Result bare = ConcurrentLoad.Result.combine(protocolBlocks);
			ConcurrentLoad.Result ours = ConcurrentLoad.Result.combine(xtaBlocks);
			Row row = new Row(size, n, ours, baseline, bare, steps.medianMillis(ours.periods()),
					blockRatios(xtaBlocks, echoBlocks), null);
			System.out.println(ID + ": " + label + ": " + row.summary());
			return row;
		}
		catch (RuntimeException ex) {
			System.out.println(ID + ": " + label + ": aborted: " + ex);
			ConcurrentLoad.Result none = ConcurrentLoad.Result.none(n);
			return new Row(size, n, none, none, none, Steps.none(), List.of(), ex.toString());
		}
	}

	/** Each block pair's own ratio: how much the machine drifted within the configuration. */
	private static List<Double> blockRatios(List<ConcurrentLoad.Result> ours, List<ConcurrentLoad.Result> baseline) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < ours.size(); i++) {
			ratios.add(ours.get(i).perSecond() / baseline.get(i).perSecond());
		}
		return ratios;
	}

	/** The same pseudo-random bytes for ours and the baseline (fixed seed: every run sends the same). */
	static byte[] payload(int bytes) {
		byte[] payload = new byte[bytes];
		SplittableRandom random = new SplittableRandom(bytes);
		for (int i = 0; i < bytes; i++) {
			payload[i] = (byte) random.nextInt(256);
		}
		return payload;
	}

	private static DemoIdentity identity(XtaServer server, String namePrefix, int fallbackIndex) {
		return server.identities()
			.stream()
			.filter((identity) -> identity.name().startsWith(namePrefix))
			.findFirst()
			.orElseGet(() -> server.identity(fallbackIndex));
	}

	private static Path emptied(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}
		return Files.createDirectories(directory);
	}

	private static void write(Plan plan, List<Row> rows) {
		BenchmarkOutput output = BenchmarkOutput.current();
		List<List<?>> csv = new ArrayList<>();
		List<List<?>> targets = new ArrayList<>();
		for (Row row : rows) {
			csv.add(List.of(row.size().label(), row.size().bytes(), row.clients(), row.ours().calls(),
					number(row.oursPerSecond(), 2), number(row.ours().p50Millis(), 1), number(row.ours().p99Millis(), 1),
					row.ours().errors(), number(row.ours().seconds(), 1), row.baseline().calls(),
					number(row.baselinePerSecond(), 2), number(row.baseline().p50Millis(), 1),
					number(row.baseline().p99Millis(), 1), row.baseline().errors(), number(row.baseline().seconds(), 1),
					number(row.ratio(), 3), row.target(), row.met(), number(row.stepMillis().get(0), 1),
					number(row.stepMillis().get(1), 1), number(row.stepMillis().get(2), 1),
					number(row.stepMillis().get(3), 1), number(row.stepMillis().get(4), 1), row.blockRatiosText(),
					row.protocol().calls(), number(row.protocolPerSecond(), 2), number(row.protocol().p50Millis(), 1),
					number(row.protocol().p99Millis(), 1), row.protocol().errors(), number(row.protocolRatio(), 3),
					number(row.oursToProtocol(), 3), cpu(row.ours(), CLIENT), cpu(row.ours(), SERVER),
					cpu(row.ours(), DATABASE), cpu(row.protocol(), CLIENT), cpu(row.protocol(), PROTOCOL),
					cpu(row.baseline(), CLIENT), cpu(row.baseline(), ECHO), (row.failure() == null) ? "" : row.failure()));
			targets.add(List.of("Round trip " + row.label() + " (msg/s vs. echo round trips/s)", number(row.oursPerSecond(), 1),
					number(row.baselinePerSecond(), 1), number(row.ratio(), 3), row.target(), row.met()));
		}
		output.writeCsv(ID, List.of("payload", "payload_bytes", "clients", "ours_round_trips", "ours_msg_per_s",
				"ours_p50_ms", "ours_p99_ms", "ours_errors", "ours_measured_s", "baseline_echo_round_trips",
				"baseline_round_trips_per_s", "baseline_p50_ms", "baseline_p99_ms", "baseline_errors", "baseline_measured_s",
				"ratio", "target", "met", "ours_p50_create_message_id_ms", "ours_p50_send_message_ms",
				"ours_p50_get_status_list_ms", "ours_p50_get_message_ms", "ours_p50_close_ms", "block_ratios",
				"xta_protocol_round_trips", "xta_protocol_round_trips_per_s", "xta_protocol_p50_ms", "xta_protocol_p99_ms",
				"xta_protocol_errors", "xta_protocol_ratio_to_echo", "ours_ratio_to_xta_protocol", "ours_cpu_client_ms",
				"ours_cpu_server_ms", "ours_cpu_database_ms", "xta_protocol_cpu_client_ms", "xta_protocol_cpu_baseline_ms",
				"baseline_cpu_client_ms", "baseline_cpu_echo_ms", "failure"), csv);
		output.writeCsv(ID + ".targets", List.of("figure", "ours", "baseline", "ratio", "target", "met"), targets);
		output.writeSection(ID, section(plan, rows));
		if (!rows.isEmpty()) {
			chart(rows).writePng(output.directory().resolve(ID + ".png"));
		}
	}

	private static String section(Plan plan, List<Row> rows) {
		StringBuilder md = new StringBuilder("## XTA round trip over mutual TLS\n\n");
		md.append("One round trip is what sender and reader do for one message: `createMessageId` and `sendMessage` as ")
			.append("Musterstadt's specialist procedure into Beispielhausen's postbox, then `getStatusList`, `getMessage` ")
			.append("(by id) and `close` as Beispielhausen's. Every client is a thread with CXF proxies of its own ")
			.append("(SOAP 1.2, MTOM, WS-Addressing, mutual TLS with the demo identities) that runs round trips back to ")
			.append("back; the message is one content part of the given size (the same pseudo-random bytes every time), ")
			.append("compared byte for byte after `getMessage`. Server: the packaged jar in the demo profile (embedded ")
			.append("MariaDB), `").append(HEAP).append("`.\n\n");
		md.append("Baseline, in the same run: a bare CXF ").append(cxfVersion()).append(" endpoint in a JVM of its own (`")
			.append(HEAP).append("`) on the server's stack (embedded Tomcat ").append(tomcatVersion())
			.append(" with the server's TLS settings: TLS 1.3/1.2, AEAD suites, client certificate required, the same ")
			.append("demo certificate files; SOAP 1.2, MTOM, WS-Addressing) that echoes a payload of the same size ")
			.append("(the same bytes), driven by the same kind of client. One baseline round trip makes as many SOAP ")
			.append("calls as an XTA round trip and moves the payload up and down once, as `sendMessage` and `getMessage` ")
			.append("do: one echo of the payload and four echoes of ").append(CONTROL_BYTES)
			.append(" bytes (for `createMessageId`, `getStatusList`, `getMessage`'s request and `close`). So the ratio ")
			.append("shows what the XTA messages and the server's own work (checks, database, audit) cost on top of the ")
			.append("stack. Ratio = XTA round trips/s ÷ echo round trips/s.\n\n");
		md.append("A second reference tells those two apart: the **XTA protocol baseline**, the project's XTA 2 contract ")
			.append("(its WSDL and generated classes, the three ports) published on the same bare stack in a JVM of its ")
			.append("own (`").append(HEAP).append("`) with none of the server's work: no caller authentication, tenants, ")
			.append("checks, database, audit or metrics; messages are held in memory from `sendMessage` to `close`, and ")
			.append("the listing and `getMessage` answer with the metadata as sent. The same clients run the same round ")
			.append("trips against it. Its ratio to the echo is what the XTA messages alone allow on this stack, an ")
			.append("upper bound for any server of the contract here; the server's share of it is what the server's ")
			.append("own work leaves.\n\n");
		md.append("Each configuration: the baselines and the server take turns in ").append(plan.blocks())
			.append(" blocks each (echo, XTA protocol baseline, XTA, echo, ...) of ").append(seconds(plan.block()))
			.append(" measured (longer, up to ").append(ConcurrentLoad.MAX_EXTENSION)
			.append("×, until at least one call per client ended in it; the CSV has the actual periods); each side's ")
			.append("first block after ").append(seconds(plan.warmUp())).append(" warm-up, the others after ")
			.append(seconds(plan.blockWarmUp())).append(" (and all after one ").append(seconds(plan.firstWarmUp()))
			.append(" warm-up of all three with ").append(TARGET_CLIENTS).append(" clients). The configuration with the ")
			.append("target (").append(TARGET_SIZE).append(", ").append(TARGET_CLIENTS).append(" clients) gets ")
			.append(plan.targetBlocks()).append(" blocks of the same length per side instead, ")
			.append(seconds(plan.block().multipliedBy(plan.targetBlocks()))).append(" measured per side: with ")
			.append(plan.blocks()).append(" its ratio moved by about ±0.05 between runs of the same code. ")
			.append("Rates, ratio and percentiles ")
			.append("add the blocks up; the ratio per block shows how much the machine's speed drifted meanwhile ")
			.append("(between runs of the same code the baseline alone has varied by up to 2×, so all sides sample ")
			.append("the same stretches of time). The warm-ups are long because each side idles while the others are ")
			.append("measured, and with shorter ones the JIT compilers of echo and server were still compiling ")
			.append("in the measured period (their compiler threads' CPU: about 100 s for the echo, 120 s for the server ")
			.append("under this load), the server's (more code) longest. Counted are round trips that ended in ")
			.append("a measured period; latency is the whole round trip. Server, baselines and the client threads ")
			.append("share this machine's cores.")
			.append(plan.quick() ? " **Quick mode: short periods, a smoke run, not a measurement.**" : "")
			.append("\n\n");
		md.append("| Message | Clients | XTA round trips/s | p50 ms | p99 ms | Echo round trips/s (baseline) | p50 ms | p99 ms ")
			.append("| Ratio | Ratio per block | Target | Met | XTA protocol baseline round trips/s | its ratio to echo ")
			.append("| Server ÷ protocol baseline |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---:|---:|---:|\n");
		for (Row row : rows) {
			md.append("| ").append(row.size().label()).append(" | ").append(row.clients()).append(" | ")
				.append(number(row.oursPerSecond(), 1)).append(" | ").append(number(row.ours().p50Millis(), 1))
				.append(" | ").append(number(row.ours().p99Millis(), 1)).append(" | ")
				.append(number(row.baselinePerSecond(), 1)).append(" | ")
				.append(number(row.baseline().p50Millis(), 1)).append(" | ")
				.append(number(row.baseline().p99Millis(), 1)).append(" | ").append(number(row.ratio(), 3))
				.append(" | ").append(row.blockRatiosText()).append(" | ").append(row.target()).append(" | ")
				.append(row.metText()).append(" | ").append(number(row.protocolPerSecond(), 1)).append(" | ")
				.append(number(row.protocolRatio(), 2)).append(" | ").append(number(row.oursToProtocol(), 2))
				.append(" |\n");
		}
		md.append('\n');
		md.append("Where a round trip's time goes: median per operation (ms), as the clients saw it.\n\n");
		md.append("| Message | Clients | ").append(String.join(" | ", Steps.NAMES)).append(" | Echo round trip |\n");
		md.append("|---|---:|").append("---:|".repeat(Steps.NAMES.size() + 1)).append('\n');
		for (Row row : rows) {
			md.append("| ").append(row.size().label()).append(" | ").append(row.clients()).append(" | ");
			for (double millis : row.stepMillis()) {
				md.append(number(millis, 1)).append(" | ");
			}
			md.append(number(row.baseline().p50Millis(), 1)).append(" |\n");
		}
		md.append('\n');
		cpuTable(md, rows);
		List<String> problems = new ArrayList<>();
		for (Row row : rows) {
			if (row.failure() != null) {
				problems.add(row.label() + ": aborted: " + row.failure());
			}
			row.ours().errorKinds().forEach((kind, count) -> problems.add(row.label() + ", XTA: " + count + " × " + kind));
			row.baseline().errorKinds().forEach((kind, count) -> problems.add(row.label() + ", echo: " + count + " × " + kind));
			row.protocol()
				.errorKinds()
				.forEach((kind, count) -> problems.add(row.label() + ", XTA protocol baseline: " + count + " × " + kind));
		}
		if (problems.isEmpty() && rows.size() == SIZES.size() * CLIENTS.size()) {
			md.append("Failed calls: none.\n");
		}
		else {
			md.append("Failed calls or configurations (").append(rows.size()).append(" of ")
				.append(SIZES.size() * CLIENTS.size()).append(" configurations measured):\n\n");
			problems.forEach((problem) -> md.append("- `").append(problem.replace('`', '\'')).append("`\n"));
		}
		return md.toString();
	}

	/**
	 * CPU per round trip of each process, from the same blocks: where the machine's cores go. On a
	 * machine the three sides use fully, the ratio follows from these totals.
	 */
	private static void cpuTable(StringBuilder md, List<Row> rows) {
		md.append("Where the machine's CPU goes: CPU time per round trip (ms) of each process in the measured periods ")
			.append("(all its threads, user and kernel, as the operating system counts it; the client is the benchmark's ")
			.append("JVM, the database the server's embedded MariaDB). Client, server and database share the same cores, ")
			.append("so a round trip's total CPU bounds the rate: cores ÷ total. \"Cores busy\" is total × rate, what the ")
			.append("side kept busy on average.\n\n");
		md.append("| Message | Clients | XTA: client | server | database | total | cores busy ")
			.append("| XTA protocol baseline: client | baseline | total | cores busy ")
			.append("| Echo: client | baseline | total | cores busy | XTA total ÷ echo total |\n");
		md.append("|---|---:|").append("---:|".repeat(14)).append('\n');
		for (Row row : rows) {
			double ours = cpuTotal(row.ours(), CLIENT, SERVER, DATABASE);
			double protocol = cpuTotal(row.protocol(), CLIENT, PROTOCOL);
			double echo = cpuTotal(row.baseline(), CLIENT, ECHO);
			md.append("| ").append(row.size().label()).append(" | ").append(row.clients()).append(" | ")
				.append(cpu(row.ours(), CLIENT)).append(" | ").append(cpu(row.ours(), SERVER)).append(" | ")
				.append(cpu(row.ours(), DATABASE)).append(" | ").append(number(ours, 1)).append(" | ")
				.append(number(ours * row.oursPerSecond() / 1000, 2)).append(" | ")
				.append(cpu(row.protocol(), CLIENT)).append(" | ").append(cpu(row.protocol(), PROTOCOL)).append(" | ")
				.append(number(protocol, 1)).append(" | ")
				.append(number(protocol * row.protocolPerSecond() / 1000, 2)).append(" | ")
				.append(cpu(row.baseline(), CLIENT)).append(" | ").append(cpu(row.baseline(), ECHO)).append(" | ")
				.append(number(echo, 1)).append(" | ").append(number(echo * row.baselinePerSecond() / 1000, 2))
				.append(" | ").append(number(ours / echo, 2)).append(" |\n");
		}
		md.append('\n');
	}

	private static String cpu(ConcurrentLoad.Result result, String role) {
		return number(result.cpuMillisPerCall(role), 1);
	}

	/** NaN when a process's CPU time is not known. */
	private static double cpuTotal(ConcurrentLoad.Result result, String... roles) {
		double total = 0;
		for (String role : roles) {
			total += result.cpuMillisPerCall(role);
		}
		return total;
	}

	private static BarChart chart(List<Row> rows) {
		List<BarChart.Panel> panels = new ArrayList<>();
		for (Size size : SIZES) {
			List<Row> ofSize = rows.stream().filter((row) -> row.size().equals(size)).toList();
			if (ofSize.isEmpty()) {
				continue;
			}
			double[] ours = ofSize.stream().mapToDouble((row) -> row.oursPerSecond()).toArray();
			double[] baseline = ofSize.stream().mapToDouble((row) -> row.baselinePerSecond()).toArray();
			double[] protocol = ofSize.stream().mapToDouble((row) -> row.protocolPerSecond()).toArray();
			List<String> categories = ofSize.stream().map((row) -> String.valueOf(row.clients())).toList();
			panels.add(new BarChart.Panel(size.label() + " messages", categories, List.of(ours, protocol, baseline)));
		}
		return new BarChart("XTA round trips vs. bare CXF echo over mutual TLS", "concurrent clients", "per second",
				List.of("XTA round trips/s", "XTA protocol baseline round trips/s", "echo round trips/s (baseline)"),
				panels);
	}

	static String number(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "n.a.";
		}
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	private static String seconds(Duration duration) {
		return duration.toSeconds() + " s";
	}

	private static String cxfVersion() {
		return org.apache.cxf.version.Version.getCurrentVersion();
	}

	/** "11.0.22" from "Apache Tomcat/11.0.22". */
	private static String tomcatVersion() {
		String info = org.apache.catalina.util.ServerInfo.getServerInfo();
		return info.substring(info.indexOf('/') + 1);
	}

	/** A message size. */
	record Size(String label, int bytes) {
	}

	/**
	 * How long to run.
	 *
	 * @param quick {@code xta.benchmark.quick}: a smoke run
	 * @param firstWarmUp once, before all configurations
	 * @param warmUp before each side's first block of a configuration
	 * @param measured each configuration's measured time, spread over its blocks
	 * @param blocks how many blocks of each side take turns in a configuration
	 * @param targetBlocks as many for the configuration with the target, to halve its noise
	 * @param blockWarmUp before each block but the first of each side
	 * @param only the one configuration to measure ("10 KB/8"), or empty for all
	 */
	record Plan(boolean quick, Duration firstWarmUp, Duration warmUp, Duration measured, int blocks,
			int targetBlocks, Duration blockWarmUp, String only) {

		static Plan fromSystemProperties() {
			// For work on the server's speed: -Dxta.benchmark.round-trip.only="10 KB/8" measures that one configuration.
			String only = System.getProperty("xta.benchmark.round-trip.only", "").trim();
			if (Boolean.getBoolean("xta.benchmark.quick")) {
				return new Plan(true, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(3), 1, 1,
						Duration.ofSeconds(1), only);
			}
			int blocks = blocks("xta.benchmark.round-trip.blocks", 3);
			// The target's ratio moved by about ±0.05 between single runs of the same code with three
			// blocks; four times the blocks (of the same length) halve that.
			int targetBlocks = blocks("xta.benchmark.round-trip.target-blocks", 4 * blocks);
			// 150 s: under the 8-client load on 2 cores the JIT compilers of the echo and of the server kept
			// compiling for about 100 and 120 s (per-thread CPU of their compiler threads); 60 s measured them
			// half-compiled, the server (more code, its compiler threads starved by its own request threads) most.
			return new Plan(false, duration("first-warm-up", 150), duration("warm-up", 20), duration("measured", 30),
					blocks, targetBlocks, duration("block-warm-up", 2), only);
		}

		private static int blocks(String property, int defaultBlocks) {
			int blocks = Integer.getInteger(property, defaultBlocks);
			if (blocks < 1) {
				throw new IllegalArgumentException(property + " must be at least 1, not " + blocks);
			}
			return blocks;
		}

		/** One block's measured period: the measured time spread over the blocks. */
		Duration block() {
			return this.measured.dividedBy(this.blocks);
		}

		/** How many blocks each side gets in the configuration of {@code size} with {@code clients}. */
		int blocks(Size size, int clients) {
			return isTarget(size, clients) ? this.targetBlocks : this.blocks;
		}

		private static Duration duration(String name, long defaultSeconds) {
			return Duration.ofSeconds(Long.getLong("xta.benchmark.round-trip." + name + "-seconds", defaultSeconds));
		}

		boolean includes(Size size, int clients) {
			return this.only.isEmpty() || this.only.equals(size.label() + "/" + clients);
		}

		int configurations() {
			return (int) SIZES.stream().mapToLong((size) -> CLIENTS.stream().filter((n) -> includes(size, n)).count()).sum();
		}
	}

	/** One client's three port proxies: Management and Send as the author, MsgBox as the reader. */
	record XtaClient(ManagementPortType management, SendPortType send, MsgBoxPortType msgBox) {
	}

	/**
	 * Builds the per-thread calls of a configuration from the clients made once: of the server, of
	 * the XTA protocol baseline ({@link XtaProtocolBaselineServer}) and of the echo baseline.
	 */
	record Calls(List<XtaClient> xtaClients, List<XtaClient> protocolClients, List<EchoPort> echoClients,
			DemoIdentity author, DemoIdentity reader, String service) {

		/** One round-trip call per client; each records its operations' latencies into {@code steps}. */
		List<ConcurrentLoad.Call> xta(int n, byte[] payload, Steps steps) {
			return roundTrips(this.xtaClients, n, payload, steps);
		}

		/** The same round trips against the XTA protocol baseline. */
		List<ConcurrentLoad.Call> protocol(int n, byte[] payload) {
			return roundTrips(this.protocolClients, n, payload, new Steps());
		}

		private List<ConcurrentLoad.Call> roundTrips(List<XtaClient> clients, int n, byte[] payload, Steps steps) {
			List<ConcurrentLoad.Call> calls = new ArrayList<>();
			for (XtaClient client : clients.subList(0, n)) {
				LatencyRecorder[] recorders = steps.newClient();
				calls.add(() -> roundTrip(client, payload, recorders));
			}
			return calls;
		}

		List<ConcurrentLoad.Call> echo(int n, byte[] payload) {
			byte[] control = payload(CONTROL_BYTES);
			return this.echoClients.subList(0, n)
				.stream()
				.<ConcurrentLoad.Call>map((client) -> () -> echoRoundTrip(client, payload, control))
				.toList();
		}

		/**
		 * As many SOAP calls as an XTA round trip, moving the payload up and down once as sendMessage
		 * and getMessage do: one echo of the payload and four small ones (createMessageId,
		 * getStatusList, getMessage's request, close), so that the ratio shows what the server's
		 * own work costs, not how many calls the protocol needs.
		 */
		private static void echoRoundTrip(EchoPort client, byte[] payload, byte[] control) throws IOException {
			echo(client, control);
			echo(client, payload);
			echo(client, control);
			echo(client, control);
			echo(client, control);
		}

		private void roundTrip(XtaClient client, byte[] payload, LatencyRecorder[] steps) throws Exception {
			long start = System.nanoTime();
			String id = client.management().createMessageId(V3.party(this.author)).getValue();
			start = Steps.record(steps, 0, start);
			client.send()
				.sendMessage(V3.container(V3.content(payload, "application/octet-stream", "payload.bin")),
						V3.metadata(id, this.author, this.reader, this.service), null);
			start = Steps.record(steps, 1, start);
			// At most one message per client is open at a time, far below the default list size.
			boolean listed = V3.listedIds(client.msgBox(), this.reader).contains(id);
			start = Steps.record(steps, 2, start);
			if (!listed) {
				throw new IllegalStateException("the sent message is not in the reader's status list");
			}
			V3.Fetched fetched = V3.fetch(client.msgBox(), this.reader, id);
			byte[] content = fetched.message();
			start = Steps.record(steps, 3, start);
			if (!id.equals(fetched.messageId()) || !Arrays.equals(payload, content)) {
				throw new IllegalStateException("getMessage returned another message or other content");
			}
			client.msgBox().close(V3.closeRequest(fetched.response().getMsgBoxRequestID(), id), V3.party(this.reader));
			Steps.record(steps, 4, start);
		}

		private static void echo(EchoPort client, byte[] payload) throws IOException {
			EchoPort.EchoResponse response = client
				.echo(new EchoPort.EchoRequest(new DataHandler(new ByteDataSource(payload, "application/octet-stream"))));
			byte[] echoed;
			try (InputStream in = response.payload().getInputStream()) {
				echoed = in.readAllBytes();
			}
			if (!Arrays.equals(payload, echoed)) {
				throw new IllegalStateException("the echo returned other content");
			}
		}
	}

	/**
	 * Latencies of the single operations of the round trips of one configuration: one recorder per
	 * operation and client thread, created before the threads start and merged after they ended.
	 */
	static final class Steps {

		static final List<String> NAMES = List.of("createMessageId", "sendMessage", "getStatusList", "getMessage",
				"close");

		private final List<LatencyRecorder[]> clients = new ArrayList<>();

		LatencyRecorder[] newClient() {
			LatencyRecorder[] recorders = new LatencyRecorder[NAMES.size()];
			Arrays.setAll(recorders, (i) -> new LatencyRecorder());
			this.clients.add(recorders);
			return recorders;
		}

		/** Records operation {@code step} that began at {@code begin}; returns its end, the next one's begin. */
		static long record(LatencyRecorder[] recorders, int step, long begin) {
			long end = System.nanoTime();
			recorders[step].record(end, end - begin);
			return end;
		}

		/** Median of each operation that ended in one of the [start, end) {@code periods}, in milliseconds. */
		List<Double> medianMillis(List<long[]> periods) {
			List<Double> medians = new ArrayList<>();
			for (int step = 0; step < NAMES.size(); step++) {
				int s = step;
				List<LatencyRecorder> recorders = this.clients.stream().map((client) -> client[s]).toList();
				medians.add(LatencyRecorder.Percentiles
					.concat(periods.stream().map((period) -> LatencyRecorder.merge(recorders, period[0], period[1])).toList())
					.millis(50));
			}
			return medians;
		}

		static List<Double> none() {
			return NAMES.stream().map((name) -> Double.NaN).toList();
		}
	}

	/**
	 * One configuration's figures; {@code failure} is set when it could not be measured.
	 *
	 * @param stepMillis median latency of each operation of the round trip ({@link Steps#NAMES})
	 * @param blockRatios the ratio of each pair of blocks, in the order they ran
	 */
	record Row(Size size, int clients, ConcurrentLoad.Result ours, ConcurrentLoad.Result baseline,
			ConcurrentLoad.Result protocol, List<Double> stepMillis, List<Double> blockRatios, String failure) {

		String blockRatiosText() {
			return this.blockRatios.isEmpty() ? "n.a."
					: String.join(" / ", this.blockRatios.stream().map((ratio) -> number(ratio, 2)).toList());
		}

		String label() {
			return this.size.label() + ", " + this.clients + (this.clients == 1 ? " client" : " clients");
		}

		/** NaN when the configuration was aborted (nothing was measured, not zero). */
		double oursPerSecond() {
			return (this.failure == null) ? this.ours.perSecond() : Double.NaN;
		}

		double baselinePerSecond() {
			return (this.failure == null) ? this.baseline.perSecond() : Double.NaN;
		}

		double ratio() {
			return oursPerSecond() / baselinePerSecond();
		}

		double protocolPerSecond() {
			return (this.failure == null) ? this.protocol.perSecond() : Double.NaN;
		}

		/** How far the XTA messages alone, without the server's work, get on the stack. */
		double protocolRatio() {
			return protocolPerSecond() / baselinePerSecond();
		}

		/** The server's rate as a share of the XTA protocol baseline's: what its own work costs. */
		double oursToProtocol() {
			return oursPerSecond() / protocolPerSecond();
		}

		boolean isTarget() {
			return RoundTripBenchmark.isTarget(this.size, this.clients);
		}

		String target() {
			return isTarget() ? "ratio >= " + TARGET_RATIO : "n.a.";
		}

		String met() {
			if (!isTarget()) {
				return "n.a.";
			}
			return String.valueOf(this.failure == null && this.ratio() >= TARGET_RATIO);
		}

		String metText() {
			return switch (met()) {
				case "true" -> "yes";
				case "false" -> "**no**";
				default -> met();
			};
		}

		String summary() {
			return String.format(Locale.ROOT,
					"XTA %.1f round trips/s (p50 %.1f ms, p99 %.1f ms, %d errors), "
							+ "echo %.1f round trips/s (p50 %.1f ms, p99 %.1f ms, %d errors), ratio %.2f (blocks %s); "
							+ "XTA protocol baseline %.1f round trips/s (p50 %.1f ms, %d errors), %.2f of echo, "
							+ "server %.2f of it",
					this.ours.perSecond(), this.ours.p50Millis(), this.ours.p99Millis(), this.ours.errors(),
					this.baseline.perSecond(), this.baseline.p50Millis(), this.baseline.p99Millis(),
					this.baseline.errors(), ratio(), blockRatiosText(), this.protocol.perSecond(),
					this.protocol.p50Millis(), this.protocol.errors(), protocolRatio(), oursToProtocol());
		}
	}
}
