package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;

/**
 * Tenant files change while the server runs: a broken file is rejected with an error and a metric,
 * the tenant keeps its last good configuration, and nobody else notices.
 */
class TenantReloadTest {

	@RegisterExtension
	static final XtaServerExtension SERVER = XtaServerExtension.dedicated("tenant-reload")
		.args("--xta.tenants.reload-interval=PT1S");

	@Test
	void aBrokenFileChangesNothingForTheOthersAndItsTenantKeepsItsLastGoodVersion() throws Exception {
		XtaServer server = SERVER.server();
		Path tenants = server.tenantsDirectory();
		DemoIdentity first = server.identity(0);
		DemoIdentity second = server.identity(1);
		Path secondFile = Files.list(tenants)
			.filter((f) -> f.toString().endsWith(".yaml"))
			.filter((f) -> read(f).contains(second.party().value()))
			.findFirst()
			.orElseThrow();
		String good = Files.readString(secondFile);

		long logBefore = Files.size(server.logFile());
		Files.writeString(tenants.resolve("kaputt.yaml"), "id: kaputt\ndisplayName: Kaputt\nunknownField: 1\n");
		replace(secondFile, good + "\nnotAField: true\n");

		await().atMost(Duration.ofMinutes(1)).until(() -> metric(server, "xta_tenant_config_invalid_files"), (v) -> v == 2.0);
		await("XTA-4002 naming both files").atMost(Duration.ofSeconds(10))
			.until(() -> server.logTail(400), (log) -> log.contains("XTA-4002") && log.contains("kaputt.yaml")
					&& log.contains("notAField"));
		// Three more reloads that reject both files again (the counter counts each rejection) ...
		double rejections = metric(server, "xta_tenant_config_rejected_total");
		await().atMost(Duration.ofMinutes(1))
			.until(() -> metric(server, "xta_tenant_config_rejected_total"), (v) -> v >= rejections + 6);
		// ... log the problem only once: it is the same problem.
		byte[] log = Files.readAllBytes(server.logFile());
		String logSince = new String(log, (int) logBefore, log.length - (int) logBefore,
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(logSince.lines().filter((l) -> l.contains("XTA-4002") && l.contains("kaputt.yaml")))
			.as("XTA-4002 lines for kaputt.yaml while it stays broken")
			.hasSize(1);
		XtaClients clients = XtaClients.of(server);
		clients.management(first).checkAccountActive(V3.party(first));
		clients.management(second).checkAccountActive(V3.party(second));
		assertThat(metric(server, "xta_tenants")).isEqualTo(2.0);

		Files.delete(tenants.resolve("kaputt.yaml"));
		replace(secondFile, good);
		await().atMost(Duration.ofMinutes(1)).until(() -> metric(server, "xta_tenant_config_invalid_files"), (v) -> v == 0.0);
		clients.management(second).checkAccountActive(V3.party(second));
	}

	private static double metric(XtaServer server, String name) throws Exception {
		String body = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(server.actuator("prometheus")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		return body.lines()
			.filter((l) -> l.startsWith(name + " ") || l.startsWith(name + "{"))
			.mapToDouble((l) -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(Double.NaN);
	}

	private static void replace(Path file, String content) throws Exception {
		Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
		Files.writeString(temp, content);
		Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
