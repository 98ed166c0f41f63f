package org.xtaserver.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtaserver.helm.HelmChart.Rendered;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Prometheus Operator objects and the Grafana dashboard: {@code ci/monitoring-values.yaml}. */
class MonitoringTests {

	private static final String SELECTOR = "{job=\"kdz-xta-server-management\",namespace=\"xta\"}";

	private static Rendered chart;

	private static Map<String, JsonNode> alerts;

	@BeforeAll
	static void render() {
		chart = HelmChart.render("monitoring-values.yaml");
		alerts = new LinkedHashMap<>();
		for (JsonNode rule : chart.one("PrometheusRule").at("/spec/groups/0/rules")) {
			alerts.put(rule.path("alert").asString(), rule);
		}
	}

	@Test
	void serviceMonitorScrapesTheManagementServiceOnly() {
		JsonNode monitor = chart.one("ServiceMonitor");
		JsonNode managementService = chart.one("Service", HelmChart.FULLNAME + "-management");

		assertThat(monitor.path("apiVersion").asString()).isEqualTo("monitoring.coreos.com/v1");
		assertThat(monitor.at("/metadata/labels/release").asString()).isEqualTo("kube-prometheus-stack");
		assertThat(monitor.at("/spec/endpoints/0/port").asString())
			.isEqualTo(managementService.at("/spec/ports/0/name").asString());
		assertThat(monitor.at("/spec/endpoints/0/path").asString()).isEqualTo("/actuator/prometheus");
		assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asString())
			.isEqualTo("management");
		assertThat(managementService.at("/metadata/labels/app.kubernetes.io~1component").asString())
			.isEqualTo("management");
		assertThat(chart.one("Service", HelmChart.FULLNAME).at("/metadata/labels/app.kubernetes.io~1component").asString())
			.as("the XTA Service must not be scraped")
			.isNotEqualTo("management");
	}

	@Test
	void everyAlertIsPresent() {
		assertThat(chart.one("PrometheusRule").path("apiVersion").asString()).isEqualTo("monitoring.coreos.com/v1");
		assertThat(alerts).containsOnlyKeys("XtaTenantNotFetched", "XtaPostboxBacklogGrowing", "XtaCertificateExpiring",
				"XtaDatabaseDown", "XtaServerDown", "XtaTenantFileRejected");
		alerts.values().forEach((rule) -> {
			assertThat(rule.at("/labels/severity").asString()).isIn("critical", "warning");
			assertThat(rule.at("/labels/team").asString()).isEqualTo("kdz-betrieb");
			assertThat(rule.at("/annotations/summary").asString()).isNotBlank();
			assertThat(rule.at("/annotations/description").asString()).isNotBlank();
		});
	}

	@Test
	void tenantNotFetchedForFifteenMinutes() {
		assertThat(expr("XtaTenantNotFetched")).isEqualTo("time() - max without (instance, pod, container, endpoint, service) "
				+ "(xta_osci_last_successful_fetch_timestamp_seconds" + SELECTOR + ") > 900");
		assertThat(alerts.get("XtaTenantNotFetched").at("/labels/severity").asString()).isEqualTo("critical");
		assertThat(alerts.get("XtaTenantNotFetched").path("for").asString()).isEqualTo("1m");
	}

	@Test
	void postboxBacklogGrowing() {
		assertThat(expr("XtaPostboxBacklogGrowing"))
			.isEqualTo("(max without (instance, pod, container, endpoint, service) (xta_postbox_messages_waiting" + SELECTOR
					+ ") > 50) and (max without (instance, pod, container, endpoint, service) (delta(xta_postbox_messages_waiting"
					+ SELECTOR + "[1h])) > 0)");
		assertThat(alerts.get("XtaPostboxBacklogGrowing").path("for").asString()).isEqualTo("15m");
	}

	@Test
	void certificateExpiringWithinThirtyDays() {
		assertThat(expr("XtaCertificateExpiring")).isEqualTo(
				"min without (instance, pod, container, endpoint, service) (xta_certificate_expiry_days" + SELECTOR + ") < 30");
		assertThat(alerts.get("XtaCertificateExpiring").path("for").asString()).isEqualTo("1h");
	}

	@Test
	void databaseDownFromTheConnectionPoolAndServerDownFromTheScrape() {
		assertThat(expr("XtaDatabaseDown")).isEqualTo("(max by (namespace, pod) (hikaricp_connections" + SELECTOR
				+ ") == 0) or (sum by (namespace, pod) (increase(hikaricp_connections_timeout_total" + SELECTOR
				+ "[5m])) > 0)");
		assertThat(expr("XtaServerDown")).isEqualTo("up" + SELECTOR + " == 0");
		assertThat(alerts.get("XtaDatabaseDown").path("for").asString()).isEqualTo("2m");
		assertThat(alerts.get("XtaServerDown").path("for").asString()).isEqualTo("2m");
	}

	@Test
	void tenantFileRejected() {
		assertThat(expr("XtaTenantFileRejected")).isEqualTo(
				"max without (instance, pod, container, endpoint, service) (xta_tenant_config_invalid_files" + SELECTOR + ") > 0");
		assertThat(alerts.get("XtaTenantFileRejected").path("for").asString()).isEqualTo("1m");
	}

	@Test
	void alertTemplatesReachPrometheusUnrendered() {
		assertThat(alerts.get("XtaTenantNotFetched").at("/annotations/summary").asString())
			.isEqualTo("Tenant {{ $labels.tenant }} has not fetched from its OSCI intermediary");
	}

	@Test
	void thresholdsAndSingleAlertsAreConfigurable() {
		Rendered tuned = HelmChart.render(HelmChart.scenario("monitoring-values.yaml"),
				Map.of("monitoring.prometheusRule.alerts.certificateExpiring.days", 14,
						"monitoring.prometheusRule.alerts.tenantNotFetched.enabled", false));
		JsonNode rules = tuned.one("PrometheusRule").at("/spec/groups/0/rules");

		assertThat(rules.valueStream().map((r) -> r.path("alert").asString())).doesNotContain("XtaTenantNotFetched");
		assertThat(rules.valueStream()
			.filter((r) -> r.path("alert").asString().equals("XtaCertificateExpiring"))
			.map((r) -> r.path("expr").asString())).singleElement().asString().endsWith(") < 14");
	}

	/** What AlertsFireTest (tests module) relies on to trigger every alert within seconds. */
	@Test
	void everyForDurationWindowAndThresholdIsConfigurable() {
		Map<String, Object> sets = new LinkedHashMap<>();
		String prefix = "monitoring.prometheusRule.alerts.";
		sets.put(prefix + "tenantNotFetched.thresholdSeconds", 25);
		sets.put(prefix + "tenantNotFetched.for", "4s");
		sets.put(prefix + "postboxBacklogGrowing.minMessages", 3);
		sets.put(prefix + "postboxBacklogGrowing.window", "30s");
		sets.put(prefix + "postboxBacklogGrowing.for", "5s");
		sets.put(prefix + "certificateExpiring.days", 21);
		sets.put(prefix + "certificateExpiring.for", "6s");
		sets.put(prefix + "databaseDown.for", "7s");
		sets.put(prefix + "databaseDown.timeoutWindow", "40s");
		sets.put(prefix + "tenantFileRejected.for", "8s");
		Map<String, JsonNode> tuned = new LinkedHashMap<>();
		for (JsonNode rule : HelmChart.render(HelmChart.scenario("monitoring-values.yaml"), sets)
			.one("PrometheusRule")
			.at("/spec/groups/0/rules")) {
			tuned.put(rule.path("alert").asString(), rule);
		}

		assertThat(tuned.get("XtaTenantNotFetched").path("expr").asString()).endsWith(") > 25");
		assertThat(tuned.get("XtaTenantNotFetched").path("for").asString()).isEqualTo("4s");
		assertThat(tuned.get("XtaPostboxBacklogGrowing").path("expr").asString()).contains(") > 3)").contains("[30s]");
		assertThat(tuned.get("XtaPostboxBacklogGrowing").path("for").asString()).isEqualTo("5s");
		assertThat(tuned.get("XtaCertificateExpiring").path("expr").asString()).endsWith(") < 21");
		assertThat(tuned.get("XtaCertificateExpiring").path("for").asString()).isEqualTo("6s");
		assertThat(tuned.get("XtaDatabaseDown").path("expr").asString()).contains("[40s]");
		assertThat(tuned.get("XtaDatabaseDown").path("for").asString()).isEqualTo("7s");
		assertThat(tuned.get("XtaServerDown").path("for").asString()).isEqualTo("7s");
		assertThat(tuned.get("XtaTenantFileRejected").path("for").asString()).isEqualTo("8s");
	}

	@Test
	void grafanaDashboardIsAValidJsonConfigMapForTheSidecar() {
		JsonNode configMap = chart.one("ConfigMap", HelmChart.FULLNAME + "-dashboard");

		assertThat(configMap.at("/metadata/labels/grafana_dashboard").asString()).isEqualTo("1");
		assertThat(configMap.at("/metadata/annotations/grafana_folder").asString()).isEqualTo("XTA");
		JsonNode dashboard = JsonMapper.builder().build().readTree(configMap.at("/data/xta-server.json").asString());
		assertThat(dashboard.path("uid").asString()).isEqualTo("xta-server");
		assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(8);
		assertThat(dashboard.toString()).contains("xta_postbox_messages_waiting", "xta_certificate_expiry_days",
				"xta_tenant_config_invalid_files", "xta_osci_last_successful_fetch_timestamp_seconds", "hikaricp_connections");
	}

	private static String expr(String alert) {
		assertThat(alerts).containsKey(alert);
		return alerts.get(alert).path("expr").asString();
	}
}
