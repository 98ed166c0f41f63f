package org.xtaserver.tests.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xtaserver.tests.alerts.TimeSeriesStore.Matcher;
import org.xtaserver.tests.alerts.TimeSeriesStore.Matcher.Type;

/** Scrapes of a hand-made exposition served by a local HTTP server. */
class ScrapeTargetTest {

	private static final long T = 1_700_000_000_000L;

	private static final Map<String, String> TARGET = Map.of("job", "kdz-xta-server-management", "namespace", "xta",
			"instance", "10.0.0.7:8081", "pod", "kdz-xta-server-0");

	/** What the fake target answers: a body, or null for HTTP 500. */
	private final AtomicReference<String> exposition = new AtomicReference<>();

	private HttpServer http;

	private ScrapeTarget target;

	private final TimeSeriesStore store = new TimeSeriesStore();

	@BeforeEach
	void serve() throws IOException {
		this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.http.createContext("/actuator/prometheus", (exchange) -> {
			String body = this.exposition.get();
			byte[] bytes = (body == null ? "down" : body).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(body == null ? 500 : 200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.http.start();
		this.target = new ScrapeTarget(
				URI.create("http://127.0.0.1:" + this.http.getAddress().getPort() + "/actuator/prometheus"), TARGET,
				Duration.ofSeconds(5));
	}

	@AfterEach
	void stop() {
		this.http.stop(0);
	}

	@Test
	void scrapedSeriesCarryTheTargetLabelsAndUpIsOne() {
		this.exposition.set("# TYPE xta_tenants gauge\nxta_tenants 2.0\nxta_x{tenant=\"a\",pod=\"self-reported\"} 1\n");

		assertThat(this.target.scrape(this.store, T)).isTrue();

		assertThat(at(T, "xta_tenants")).containsExactly(Map.entry(Labels.of("xta_tenants", TARGET), 2.0));
		Labels clashing = Labels.of("xta_x", TARGET).with("tenant", "a").with("exported_pod", "self-reported");
		assertThat(at(T, "xta_x")).as("a scraped label that clashes with a target label is renamed")
			.containsExactly(Map.entry(clashing, 1.0));
		assertThat(at(T, "up")).containsExactly(Map.entry(Labels.of("up", TARGET), 1.0));
	}

	@Test
	void aSeriesMissingFromAScrapeEndsThere() {
		this.exposition.set("a 1\nb 1\n");
		this.target.scrape(this.store, T);
		this.exposition.set("a 2\n");
		this.target.scrape(this.store, T + 1000);

		assertThat(at(T + 1000, "b")).as("b is stale from the second scrape on, not looked back to").isEmpty();
		assertThat(at(T + 1000, "a")).containsValue(2.0);
		assertThat(at(T + 500, "b")).as("before the scrape that missed it, b still exists").containsValue(1.0);
	}

	@Test
	void aFailedScrapeSetsUpToZeroAndEndsEverySeriesOfTheTarget() {
		this.exposition.set("a 1\n");
		this.target.scrape(this.store, T);
		this.exposition.set(null);

		assertThat(this.target.scrape(this.store, T + 1000)).isFalse();

		assertThat(at(T + 1000, "a")).isEmpty();
		assertThat(at(T + 1000, "up")).containsExactly(Map.entry(Labels.of("up", TARGET), 0.0));
		this.http.stop(0);
		assertThat(this.target.scrape(this.store, T + 2000)).as("an unreachable target").isFalse();
		assertThat(at(T + 2000, "up")).containsValue(0.0);
	}

	@Test
	void anUnparsableExpositionIsAFailedScrape() {
		this.exposition.set("a 1\nthis is not a sample\n");

		assertThat(this.target.scrape(this.store, T)).isFalse();
		assertThat(at(T, "a")).isEmpty();
		assertThat(at(T, "up")).containsValue(0.0);
	}

	private Map<Labels, Double> at(long time, String name) {
		return this.store.instant(List.of(Matcher.of(Labels.NAME, Type.EQUAL, name)), time);
	}
}
