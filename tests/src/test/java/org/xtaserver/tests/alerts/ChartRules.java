package org.xtaserver.tests.alerts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The alerting rules as the chart {@code helm/xta-server} renders them ({@code helm template}
 * through helm-java), together with the labels Prometheus gives the scraped series: the Prometheus
 * Operator names a ServiceMonitor target's {@code job} after the Service it scrapes (here the
 * management Service) and adds its {@code namespace}; the rules select on both.
 *
 * @param prometheusRule the rendered PrometheusRule object
 * @param rules its alerting rules, parsed
 * @param job the {@code job} label of the scraped series
 * @param namespace the {@code namespace} label of the scraped series
 * @param endpoint the {@code endpoint} label (the scraped port's name)
 */
record ChartRules(JsonNode prometheusRule, List<AlertingRule> rules, String job, String namespace, String endpoint) {

	static final String RELEASE = "kdz";

	static final String NAMESPACE = "xta";

	/**
	 * The short durations and low thresholds the alert tests use, one key per value the chart makes
	 * configurable under {@code monitoring.prometheusRule.alerts}: every alert can pend and fire
	 * within seconds.
	 */
	static Map<String, Object> testValues() {
		String alerts = "monitoring.prometheusRule.alerts.";
		Map<String, Object> values = new LinkedHashMap<>();
		// Above the test tenant's fetch interval (10 s) plus jitter, so a healthy tenant stays quiet.
		values.put(alerts + "tenantNotFetched.thresholdSeconds", 25);
		values.put(alerts + "tenantNotFetched.for", "5s");
		values.put(alerts + "postboxBacklogGrowing.minMessages", 3);
		values.put(alerts + "postboxBacklogGrowing.window", "30s");
		values.put(alerts + "postboxBacklogGrowing.for", "5s");
		values.put(alerts + "certificateExpiring.days", 30);
		values.put(alerts + "certificateExpiring.for", "5s");
		values.put(alerts + "databaseDown.for", "5s");
		values.put(alerts + "databaseDown.timeoutWindow", "30s");
		values.put(alerts + "tenantFileRejected.for", "5s");
		return values;
	}

	/** The chart folder: {@code -Dxta.helm.chart=...}, else {@code helm/xta-server} beside this module. */
	static Path chartDirectory() {
		String configured = System.getProperty("xta.helm.chart");
		Path chart = configured != null ? Path.of(configured)
				: Path.of(System.getProperty("basedir", ".")).resolve("../helm/xta-server");
		chart = chart.toAbsolutePath().normalize();
		if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
			throw new IllegalStateException("no Helm chart at " + chart + " (set -Dxta.helm.chart=...)");
		}
		return chart;
	}

	/**
	 * Renders the chart with the PrometheusRule and ServiceMonitor enabled, the least other values
	 * it needs to render (names of Secrets, an external database URL), and {@code values}.
	 */
	static ChartRules render(Map<String, Object> values) {
		Map<String, Object> sets = new LinkedHashMap<>();
		sets.put("tls.existingSecret", "xta-server-tls");
		sets.put("tls.clientCa.existingSecret", "xta-server-client-ca");
		sets.put("database.external.url", "jdbc:mariadb://mariadb:3306/xta");
		sets.put("database.external.existingSecret", "xta-server-db");
		sets.put("monitoring.serviceMonitor.enabled", true);
		sets.put("monitoring.prometheusRule.enabled", true);
		sets.putAll(values);
		TemplateCommand template = new Helm(chartDirectory()).template().withName(RELEASE).withNamespace(NAMESPACE);
		for (Map.Entry<String, Object> set : sets.entrySet()) {
			template = template.set(set.getKey(), set.getValue());
		}
		List<JsonNode> objects = new ArrayList<>();
		try (MappingIterator<JsonNode> docs = YAMLMapper.builder().build().readerFor(JsonNode.class).readValues(template.call())) {
			while (docs.hasNextValue()) {
				JsonNode doc = docs.nextValue();
				if (doc != null && doc.has("kind")) {
					objects.add(doc);
				}
			}
		}
		JsonNode rule = only(objects, "PrometheusRule");
		JsonNode monitor = only(objects, "ServiceMonitor");
		JsonNode scraped = objects.stream()
			.filter((o) -> o.path("kind").asString().equals("Service"))
			.filter((o) -> selects(monitor.at("/spec/selector/matchLabels"), o.at("/metadata/labels")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no Service matches the ServiceMonitor's selector"));
		return new ChartRules(rule, AlertingRule.fromPrometheusRule(rule), scraped.at("/metadata/name").asString(),
				scraped.at("/metadata/namespace").asString(NAMESPACE), monitor.at("/spec/endpoints/0/port").asString());
	}

	/** The rule named {@code alert}. */
	AlertingRule rule(String alert) {
		return this.rules.stream()
			.filter((r) -> r.name().equals(alert))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the chart renders no alert " + alert));
	}

	private static boolean selects(JsonNode matchLabels, JsonNode labels) {
		return matchLabels.properties()
			.stream()
			.allMatch((e) -> e.getValue().asString().equals(labels.path(e.getKey()).asString(null)));
	}

	private static JsonNode only(List<JsonNode> objects, String kind) {
		List<JsonNode> found = objects.stream().filter((o) -> o.path("kind").asString().equals(kind)).toList();
		if (found.size() != 1) {
			throw new IllegalStateException("expected one " + kind + " in the rendered chart, found " + found.size());
		}
		return found.get(0);
	}
}
