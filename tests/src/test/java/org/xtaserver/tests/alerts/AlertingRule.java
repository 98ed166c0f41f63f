package org.xtaserver.tests.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One alerting rule of a PrometheusRule object: name, parsed expression, {@code for} and the
 * labels it adds. Annotations are not needed to decide firing and are not read.
 */
record AlertingRule(String name, String expression, Expr expr, Duration holdDuration, Map<String, String> labels) {

	AlertingRule {
		labels = Map.copyOf(labels);
	}

	/** The metric names the expression selects by name ({@code name{...}} or {@code __name__="..."}). */
	java.util.SortedSet<String> metricNames() {
		java.util.SortedSet<String> names = new java.util.TreeSet<>();
		collectNames(this.expr, names);
		return names;
	}

	private static void collectNames(Expr expr, java.util.Set<String> names) {
		if (expr instanceof Expr.VectorSelector selector) {
			selector.matchers()
				.stream()
				.filter((m) -> m.label().equals(Labels.NAME) && m.type() == TimeSeriesStore.Matcher.Type.EQUAL)
				.forEach((m) -> names.add(m.value()));
		}
		else if (expr instanceof Expr.MatrixSelector matrix) {
			collectNames(matrix.selector(), names);
		}
		else if (expr instanceof Expr.Call call) {
			call.args().forEach((a) -> collectNames(a, names));
		}
		else if (expr instanceof Expr.Aggregation aggregation) {
			collectNames(aggregation.expr(), names);
		}
		else if (expr instanceof Expr.Binary binary) {
			collectNames(binary.lhs(), names);
			collectNames(binary.rhs(), names);
		}
		else if (expr instanceof Expr.Unary unary) {
			collectNames(unary.expr(), names);
		}
		else if (expr instanceof Expr.Paren paren) {
			collectNames(paren.expr(), names);
		}
	}

	/**
	 * The alerting rules of all groups of a rendered {@code monitoring.coreos.com/v1} PrometheusRule.
	 * @throws IllegalArgumentException for recording rules or templated labels, which this
	 * evaluator does not support, and for expressions outside its PromQL subset
	 */
	static List<AlertingRule> fromPrometheusRule(JsonNode prometheusRule) {
		if (!"PrometheusRule".equals(prometheusRule.path("kind").asString())) {
			throw new IllegalArgumentException("not a PrometheusRule: " + prometheusRule.path("kind"));
		}
		List<AlertingRule> rules = new ArrayList<>();
		for (JsonNode group : prometheusRule.at("/spec/groups")) {
			for (JsonNode rule : group.path("rules")) {
				if (!rule.has("alert")) {
					throw new IllegalArgumentException("only alerting rules are supported, not " + rule);
				}
				String name = rule.path("alert").asString();
				String expression = rule.path("expr").asString();
				Map<String, String> labels = new LinkedHashMap<>();
				rule.path("labels").properties().forEach((e) -> {
					String value = e.getValue().asString();
					if (value.contains("{{")) {
						throw new IllegalArgumentException("templated label " + e.getKey() + " of " + name + " is not supported");
					}
					labels.put(e.getKey(), value);
				});
				String hold = rule.path("for").asString("");
				try {
					rules.add(new AlertingRule(name, expression, PromQl.parse(expression),
							hold.isEmpty() ? Duration.ZERO : PromQl.duration(hold), labels));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("alert " + name + ": " + ex.getMessage(), ex);
				}
			}
		}
		return List.copyOf(rules);
	}
}
