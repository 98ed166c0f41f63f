package org.xtaserver.tests.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.FileReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.osci.simulator.SimulatorKeys;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance report of issue 5 with one call: a demo tenant whose every certificate is issued
 * by the demo CA (client certificate given as file, OSCI identity, intermediary cipher and signature
 * certificates) and whose intermediary is the OSCI simulator gets a report with every check PASS,
 * stored as Markdown and JSON; the command line gives the same checks without the test message.
 */
class OnboardingCheckEndToEndTest {

	@RegisterExtension
	static final XtaServerExtension SERVER = XtaServerExtension.dedicated("onboarding-e2e")
		.args("--xta.tenants.reload-interval=PT1S");

	private static final String TENANT = "musterstadt";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static OsciSimulator simulator;

	private static X509Certificate caCertificate;

	private static PrivateKey caKey;

	@BeforeAll
	static void startIntermediaryWithDemoCaCertificates() throws Exception {
		XtaServer server = SERVER.server();
		caCertificate = readCertificate(server.demoDirectory().resolve("ca.crt"));
		caKey = readKey(server.demoDirectory().resolve("ca.key"));
		simulator = OsciSimulator.start(0, new SimulatorKeys(issue("OSCI Simulator Cipher"), issue("OSCI Simulator Signature")),
				Clock.systemUTC());
	}

	@AfterAll
	static void stopIntermediary() {
		if (simulator != null) {
			simulator.close();
		}
	}

	@Test
	void theManagementEndpointGivesAFullPassReportAndStoresItAsMarkdownAndJson() throws Exception {
		XtaServer server = SERVER.server();
		configureTenant(server);

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(server.actuator("onboardingcheck/" + TENANT)).timeout(Duration.ofMinutes(2)).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode report = JSON.readTree(response.body());
		List<String> notPassed = new ArrayList<>();
		report.path("checks").forEach((c) -> {
			if (!"PASS".equals(c.path("result").asString())) {
				notPassed.add(c.toString());
			}
		});
		assertThat(notPassed).as("checks that did not pass").isEmpty();
		assertThat(report.path("overall").asString()).isEqualTo("PASS");
		assertThat(report.path("mode").asString()).isEqualTo("server");
		assertThat(checks(report)).contains("tenantFile.valid", "certificate.validity", "certificate.keyUsage",
				"certificate.chain", "certificate.privateKey", "intermediary.dialog", "postbox.unique",
				"postbox.services", "postbox.clients", "testMessage.roundTrip");
		assertThat(subjects(report, "certificate.chain")).hasSize(4);

		Path reports = server.workingDirectory().resolve("data/reports");
		String base;
		try (Stream<Path> files = Files.list(reports)) {
			base = files.map((p) -> p.getFileName().toString())
				.filter((n) -> n.startsWith("abnahmeprotokoll-" + TENANT + "-") && n.endsWith(".json"))
				.findFirst()
				.orElseThrow()
				.replace(".json", "");
		}
		assertThat(JSON.readTree(Files.readString(reports.resolve(base + ".json")))).isEqualTo(report);
		assertThat(Files.readString(reports.resolve(base + ".md"))).contains("# Test- und Abnahmeprotokoll",
				"**Gesamtergebnis (overall)** | **PASS**", "## 5. Testnachricht");

		String audit = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(server.actuator("audit?tenant=" + TENANT)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(audit).contains("onboarding-check:" + TENANT + "-fachverfahren");
	}

	@Test
	void theCommandLineRunsTheSameChecksWithoutTheTestMessage() throws Exception {
		XtaServer server = SERVER.server();
		configureTenant(server);
		Path out = server.workingDirectory().resolve("cli-reports");
		Path jar = jarOf(server);
		Path log = server.workingDirectory().resolve("onboarding-cli.log");
		Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				jar.toString(), "onboarding-check", "--tenant", TENANT, "--tenants-dir",
				server.tenantsDirectory().toString(), "--out", out.toString(),
				"--xta.tls.client-ca=file:" + server.caCertificate())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		String printed = Files.readString(log);

		assertThat(process.exitValue()).as(printed).isZero();
		assertThat(printed).contains("PASS    intermediary.dialog")
			.contains("SKIPPED testMessage.roundTrip")
			.contains("overall: PASS");
		try (Stream<Path> files = Files.list(out)) {
			assertThat(files.map((p) -> p.getFileName().toString())).anyMatch((n) -> n.endsWith(".md"))
				.anyMatch((n) -> n.endsWith(".json"));
		}
	}

	/**
	 * Pins the demo client by its certificate file instead of its fingerprint (same certificate,
	 * so the procedure still logs in) and adds an osci section with the simulator, then waits for
	 * the reload.
	 */
	private static synchronized void configureTenant(XtaServer server) throws Exception {
		Path tenants = server.tenantsDirectory();
		Path file = tenants.resolve(TENANT + ".yaml");
		String yaml = Files.readString(file);
		if (yaml.contains("osci:")) {
			return;
		}
		DemoIdentity client = server.identities()
			.stream()
			.filter((i) -> i.party().value().contains(TENANT))
			.findFirst()
			.orElseThrow();
		Path osci = Files.createDirectories(tenants.resolve("osci"));
		Credentials own = issue(TENANT + "-osci");
		Files.writeString(osci.resolve(TENANT + ".crt"), pem("CERTIFICATE", own.certificate().getEncoded()));
		Files.writeString(osci.resolve(TENANT + ".key"), pem("PRIVATE KEY", own.privateKey().getEncoded()));
		Files.writeString(osci.resolve("intermediary-cipher.crt"), pem("CERTIFICATE", simulator.cipherCertificate().getEncoded()));
		Files.writeString(osci.resolve("intermediary-signature.crt"),
				pem("CERTIFICATE", simulator.signatureCertificate().getEncoded()));
		String changed = yaml.replaceFirst("- sha256: \"[0-9A-Fa-f:]+\"",
				"- file: \"" + client.certificate().toAbsolutePath().toString().replace("\\", "/") + "\"")
				+ """

						osci:
						  intermediaryUrl: "%s"
						  fetchInterval: 10s
						  certificate: osci/%s.crt
						  privateKey: osci/%s.key
						  intermediaryCertificate: osci/intermediary-cipher.crt
						  intermediarySignatureCertificate: osci/intermediary-signature.crt
						""".formatted(simulator.uri(), TENANT, TENANT);
		Path temp = Files.writeString(tenants.resolve("." + TENANT + ".tmp"), changed);
		Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		await("reload of " + file).atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> Files.readString(server.logFile()).contains("Tenant " + TENANT + " updated"));
	}

	/**
	 * The jar the server runs (the harness's snapshot), not the build output, which other builds
	 * may replace while the command runs.
	 */
	private static Path jarOf(XtaServer server) {
		List<String> arguments = List.of(server.processHandle().info().arguments().orElse(new String[0]));
		int jar = arguments.indexOf("-jar");
		return jar >= 0 && jar + 1 < arguments.size() ? Paths.get(arguments.get(jar + 1))
				: Paths.get(System.getProperty("xta.server.jar", "../xta-server/target/xta-server.jar")).toAbsolutePath();
	}

	private static List<String> checks(JsonNode report) {
		List<String> checks = new ArrayList<>();
		report.path("checks").forEach((c) -> checks.add(c.path("check").asString()));
		return checks;
	}

	private static List<String> subjects(JsonNode report, String check) {
		List<String> subjects = new ArrayList<>();
		report.path("checks").forEach((c) -> {
			if (check.equals(c.path("check").asString())) {
				subjects.add(c.path("subject").asString());
			}
		});
		return subjects;
	}

	/** A certificate of the demo CA fit for OSCI signing and encryption, valid for two years. */
	private static Credentials issue(String cn) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		Instant now = Instant.now();
		JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
		org.bouncycastle.cert.X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate,
				new BigInteger(127, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minusSeconds(300)),
				Date.from(now.plus(Duration.ofDays(730))), new X500Name("CN=" + cn + ",O=XTA Server Demo,C=DE"),
				keys.getPublic())
			.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
			.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
			.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCertificate));
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)));
		return new Credentials(keys.getPrivate(), certificate);
	}

	private static X509Certificate readCertificate(Path file) throws Exception {
		try (var in = Files.newInputStream(file)) {
			return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	private static PrivateKey readKey(Path file) throws Exception {
		try (PEMParser parser = new PEMParser(new FileReader(file.toFile()))) {
			return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}
}
