package org.xtaserver.tests.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtaserver.tests.alerts.RuleEvaluator.Alert;
import org.xtaserver.tests.alerts.RuleEvaluator.State;

/**
 * The chart's alerting rules, rendered with the alert tests' short values
 * ({@link ChartRules#testValues()}), on hand-made expositions scraped once a second from one or two
 * replicas: each alert fires on its condition and stays quiet on a near miss.
 */
class ChartAlertsOnHandMadeSamplesTest {

	private static final long T = 1_700_000_000_000L;

	/** Unix seconds of T. */
	private static final long NOW = T / 1000;

	private static ChartRules chart;

	@BeforeAll
	static void render() {
		chart = ChartRules.render(ChartRules.testValues());
	}

	@Test
	void theChartRendersTheSixAlertsWithTheTestValuesAndTheServiceMonitorsJob() {
		assertThat(chart.rules()).extracting(AlertingRule::name)
			.containsExactly("XtaTenantNotFetched", "XtaPostboxBacklogGrowing", "XtaCertificateExpiring", "XtaDatabaseDown",
					"XtaServerDown", "XtaTenantFileRejected");
		assertThat(chart.rules()).allSatisfy((r) -> assertThat(r.holdDuration()).isEqualTo(Duration.ofSeconds(5)));
		assertThat(chart.job()).isEqualTo("kdz-xta-server-management");
		assertThat(chart.namespace()).isEqualTo("xta");
		assertThat(chart.rule("XtaServerDown").expression())
			.isEqualTo("up{job=\"kdz-xta-server-management\",namespace=\"xta\"} == 0");
	}

	@Test
	void tenantNotFetchedFiresForAStaleOrNeverFetchedTenantOnly() {
		List<List<Alert>> run = run(40, (s) -> """
				xta_osci_last_successful_fetch_timestamp_seconds{tenant="stale"} %d
				xta_osci_last_successful_fetch_timestamp_seconds{tenant="never"} 0
				xta_osci_last_successful_fetch_timestamp_seconds{tenant="healthy"} %d
				""".formatted(NOW - 100, NOW + s - s % 10));

		assertThat(states(run, "XtaTenantNotFetched", Map.of("tenant", "stale"))).startsWith(State.PENDING)
			.contains(State.FIRING);
		assertThat(firedAt(run, "XtaTenantNotFetched", Map.of("tenant", "stale"))).isEqualTo(5);
		assertThat(states(run, "XtaTenantNotFetched", Map.of("tenant", "never"))).endsWith(State.FIRING);
		assertThat(states(run, "XtaTenantNotFetched", Map.of("tenant", "healthy")))
			.as("fetched every 10 s, threshold 25 s").containsOnly(State.INACTIVE);
		assertThat(last(run, "XtaTenantNotFetched", Map.of("tenant", "stale")).labels().map()).isEqualTo(Map.of(
				"alertname", "XtaTenantNotFetched", "severity", "critical", "tenant", "stale", "job", chart.job(),
				"namespace", chart.namespace()));
	}

	@Test
	void tenantNotFetchedStaysQuietWhileOneReplicaStillFetches() {
		List<List<Alert>> run = run(20,
				(s) -> "xta_osci_last_successful_fetch_timestamp_seconds{tenant=\"t\"} " + (NOW - 1000) + "\n",
				(s) -> "xta_osci_last_successful_fetch_timestamp_seconds{tenant=\"t\"} " + (NOW + s) + "\n");

		assertThat(states(run, "XtaTenantNotFetched", Map.of("tenant", "t"))).containsOnly(State.INACTIVE);
	}

	@Test
	void backlogGrowingFiresWhenMoreThanMinMessagesWaitAndTheNumberGrew() {
		// One more message every 2 s: above 3 from second 8 on.
		List<List<Alert>> run = run(20, (s) -> backlog("a", s / 2) + backlog("constant", 10) + backlog("small", Math.min(s, 3)));

		List<State> growing = states(run, "XtaPostboxBacklogGrowing", Map.of("postbox", "a"));
		assertThat(growing.subList(0, 8)).containsOnly(State.INACTIVE);
		assertThat(growing.get(8)).isEqualTo(State.PENDING);
		assertThat(growing.get(13)).isEqualTo(State.FIRING);
		assertThat(states(run, "XtaPostboxBacklogGrowing", Map.of("postbox", "constant")))
			.as("many waiting, but not growing").containsOnly(State.INACTIVE);
		assertThat(states(run, "XtaPostboxBacklogGrowing", Map.of("postbox", "small")))
			.as("growing, but not above minMessages").containsOnly(State.INACTIVE);
		assertThat(last(run, "XtaPostboxBacklogGrowing", Map.of("postbox", "a")).labels().map())
			.containsEntry("tenant", "t").containsEntry("severity", "warning").doesNotContainKey("pod");
	}

	@Test
	void backlogGrowingResolvesOnceTheNumberStoppedGrowingForTheWindow() {
		List<List<Alert>> run = run(50, (s) -> backlog("a", Math.min(s, 8)));

		List<State> states = states(run, "XtaPostboxBacklogGrowing", Map.of("postbox", "a"));
		assertThat(states.get(15)).isEqualTo(State.FIRING);
		assertThat(states.get(50)).as("no growth in the last 30 s").isEqualTo(State.INACTIVE);
	}

	@Test
	void certificateExpiringFiresBelowTheDaysThresholdPerCertificate() {
		List<List<Alert>> run = run(8, (s) -> """
				xta_certificate_expiry_days{certificate="server-tls",tenant="server"} 20.5
				xta_certificate_expiry_days{certificate="client-ca",tenant="server"} 3649.9
				""");

		assertThat(firedAt(run, "XtaCertificateExpiring", Map.of("certificate", "server-tls"))).isEqualTo(5);
		assertThat(states(run, "XtaCertificateExpiring", Map.of("certificate", "client-ca"))).containsOnly(State.INACTIVE);
		assertThat(last(run, "XtaCertificateExpiring", Map.of("certificate", "server-tls")).value()).isEqualTo(20.5);
	}

	@Test
	void databaseDownFiresForAnEmptyPool() {
		List<List<Alert>> run = run(8, (s) -> pool(0, 0));

		assertThat(firedAt(run, "XtaDatabaseDown", Map.of())).isEqualTo(5);
		assertThat(last(run, "XtaDatabaseDown", Map.of()).labels().map()).isEqualTo(Map.of("alertname", "XtaDatabaseDown",
				"severity", "critical", "namespace", chart.namespace(), "pod", "kdz-xta-server-0"));
	}

	@Test
	void databaseDownFiresForConnectionTimeoutsInTheWindowAndNotForAHealthyPoolOrACounterReset() {
		List<List<Alert>> timeouts = run(20, (s) -> pool(10, s < 10 ? 3 : 4));
		List<List<Alert>> healthy = run(20, (s) -> pool(10, 3));
		// A restarted pod counts from 0 again: not a timeout.
		List<List<Alert>> restarted = run(20, (s) -> pool(10, s < 10 ? 5 : 0));

		assertThat(states(timeouts, "XtaDatabaseDown", Map.of()).subList(0, 10)).containsOnly(State.INACTIVE);
		assertThat(firedAt(timeouts, "XtaDatabaseDown", Map.of())).isEqualTo(15);
		assertThat(states(healthy, "XtaDatabaseDown", Map.of())).containsOnly(State.INACTIVE);
		assertThat(states(restarted, "XtaDatabaseDown", Map.of())).containsOnly(State.INACTIVE);
	}

	@Test
	void serverDownFiresWhenTheTargetCannotBeScraped() {
		List<List<Alert>> down = run(15, (s) -> s < 5 ? "xta_tenants 2\n" : null);

		List<State> states = states(down, "XtaServerDown", Map.of());
		assertThat(states.subList(0, 5)).containsOnly(State.INACTIVE);
		assertThat(firedAt(down, "XtaServerDown", Map.of())).isEqualTo(10);
		assertThat(last(down, "XtaServerDown", Map.of()).labels().map()).containsEntry("pod", "kdz-xta-server-0")
			.containsEntry("job", chart.job())
			.containsEntry("instance", "10.0.0.1:8081");
		assertThat(states(run(15, (s) -> "xta_tenants 2\n"), "XtaServerDown", Map.of())).containsOnly(State.INACTIVE);
	}

	@Test
	void tenantFileRejectedFiresWhileAFileIsRejected() {
		List<List<Alert>> run = run(20, (s) -> "xta_tenant_config_invalid_files " + (s >= 3 && s < 14 ? 1 : 0) + "\n");

		List<State> states = states(run, "XtaTenantFileRejected", Map.of());
		assertThat(states.subList(0, 3)).containsOnly(State.INACTIVE);
		assertThat(states.get(3)).isEqualTo(State.PENDING);
		assertThat(states.get(8)).isEqualTo(State.FIRING);
		assertThat(states.get(14)).as("resolved").isEqualTo(State.INACTIVE);
		assertThat(states(run(20, (s) -> "xta_tenant_config_invalid_files 0\n"), "XtaTenantFileRejected", Map.of()))
			.containsOnly(State.INACTIVE);
	}

	private static String backlog(String postbox, int waiting) {
		return "xta_postbox_messages_waiting{tenant=\"t\",postbox=\"" + postbox + "\"} " + waiting + "\n";
	}

	private static String pool(int connections, int timeouts) {
		return "hikaricp_connections{pool=\"xta\"} " + connections + "\nhikaricp_connections_timeout_total{pool=\"xta\"} "
				+ timeouts + "\n";
	}

	/**
	 * Scrapes the replicas' expositions (null: the scrape fails) once a second from T to
	 * T + {@code seconds} and evaluates the chart's rules after each scrape.
	 * @return the alerts after each second's evaluation
	 */
	@SafeVarargs
	private static List<List<Alert>> run(int seconds, IntFunction<String>... replicas) {
		TimeSeriesStore store = new TimeSeriesStore();
		RuleEvaluator evaluator = new RuleEvaluator(chart.rules(), store);
		List<ScrapeTarget> targets = new ArrayList<>();
		for (int i = 0; i < replicas.length; i++) {
			targets.add(new ScrapeTarget(URI.create("http://10.0.0." + (i + 1) + ":8081/actuator/prometheus"),
					Map.of("job", chart.job(), "namespace", chart.namespace(), "pod", "kdz-xta-server-" + i, "instance",
							"10.0.0." + (i + 1) + ":8081", "endpoint", chart.endpoint()),
					Duration.ofSeconds(1)));
		}
		List<List<Alert>> history = new ArrayList<>();
		for (int s = 0; s <= seconds; s++) {
			long now = T + s * 1000L;
			for (int i = 0; i < replicas.length; i++) {
				targets.get(i).ingest(replicas[i].apply(s), store, now);
			}
			history.add(evaluator.evaluate(now));
		}
		return Collections.unmodifiableList(history);
	}

	/** The alert's state after each second; INACTIVE where it did not exist. */
	private static List<State> states(List<List<Alert>> run, String name, Map<String, String> labels) {
		return run.stream()
			.map((alerts) -> alerts.stream()
				.filter((a) -> a.name().equals(name) && a.labels().contains(labels))
				.map(Alert::state)
				.findFirst()
				.orElse(State.INACTIVE))
			.toList();
	}

	/** The second in which the alert first fired. */
	private static int firedAt(List<List<Alert>> run, String name, Map<String, String> labels) {
		int second = states(run, name, labels).indexOf(State.FIRING);
		assertThat(second).as("%s %s fired", name, labels).isNotNegative();
		return second;
	}

	private static Alert last(List<List<Alert>> run, String name, Map<String, String> labels) {
		return run.get(run.size() - 1)
			.stream()
			.filter((a) -> a.name().equals(name) && a.labels().contains(labels))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no alert " + name + " " + labels + " at the end"));
	}
}
