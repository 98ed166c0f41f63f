package org.xtaserver.tests.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates alerting rules the way Prometheus' rule manager does (rules/alerting.go): each
 * evaluation runs the expression; a new label set becomes PENDING with {@code activeAt} = now; a
 * pending alert whose condition has held for the rule's {@code for} across evaluations
 * ({@code now - activeAt >= for}) becomes FIRING; a label set missing from the result is dropped
 * when pending, or becomes INACTIVE (resolved) when it was firing and is kept 15 minutes for the
 * record. An alert's labels are the sample's labels without the metric name, plus the rule's
 * labels, plus {@code alertname}.
 *
 * <p>Not thread-safe: one evaluation at a time (the monitor's schedule).
 */
final class RuleEvaluator {

	/** Prometheus' {@code resolvedRetention}. */
	private static final Duration RESOLVED_RETENTION = Duration.ofMinutes(15);

	enum State {

		INACTIVE, PENDING, FIRING

	}

	/** An alert as one evaluation left it. */
	record Alert(String name, Labels labels, State state, long activeAtMillis, long firedAtMillis, long resolvedAtMillis,
			double value) {
	}

	private final List<AlertingRule> rules;

	private final PromQlEvaluator promQl;

	private final Map<String, Map<Labels, Alert>> active = new HashMap<>();

	RuleEvaluator(List<AlertingRule> rules, TimeSeriesStore store) {
		this.rules = List.copyOf(rules);
		this.promQl = new PromQlEvaluator(store);
	}

	List<AlertingRule> rules() {
		return this.rules;
	}

	/**
	 * Evaluates every rule at {@code timeMillis}.
	 * @return the alerts of all rules after this evaluation (pending, firing, and resolved ones still
	 * retained as inactive)
	 */
	List<Alert> evaluate(long timeMillis) {
		List<Alert> all = new ArrayList<>();
		for (AlertingRule rule : this.rules) {
			all.addAll(evaluate(rule, timeMillis));
		}
		return all;
	}

	private List<Alert> evaluate(AlertingRule rule, long now) {
		Map<Labels, Alert> alerts = this.active.computeIfAbsent(rule.name(), (n) -> new LinkedHashMap<>());
		Set<Labels> inResult = new HashSet<>();
		for (PromQlEvaluator.Sample sample : this.promQl.vector(rule.expr(), now)) {
			Labels labels = sample.labels().withoutName();
			for (Map.Entry<String, String> label : rule.labels().entrySet()) {
				labels = labels.with(label.getKey(), label.getValue());
			}
			labels = labels.with("alertname", rule.name());
			if (!inResult.add(labels)) {
				throw new IllegalArgumentException("alert " + rule.name()
						+ ": vector contains metrics with the same labelset after applying alert labels: " + labels);
			}
			Alert known = alerts.get(labels);
			if (known != null && known.state() != State.INACTIVE) {
				alerts.put(labels, new Alert(rule.name(), labels, known.state(), known.activeAtMillis(),
						known.firedAtMillis(), 0, sample.value()));
			}
			else {
				alerts.put(labels, new Alert(rule.name(), labels, State.PENDING, now, 0, 0, sample.value()));
			}
		}
		long hold = rule.holdDuration().toMillis();
		for (Iterator<Map.Entry<Labels, Alert>> it = alerts.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Labels, Alert> entry = it.next();
			Alert alert = entry.getValue();
			if (!inResult.contains(entry.getKey())) {
				if (alert.state() == State.PENDING || (alert.state() == State.INACTIVE
						&& now - alert.resolvedAtMillis() > RESOLVED_RETENTION.toMillis())) {
					it.remove();
				}
				else if (alert.state() == State.FIRING) {
					entry.setValue(new Alert(alert.name(), alert.labels(), State.INACTIVE, alert.activeAtMillis(),
							alert.firedAtMillis(), now, alert.value()));
				}
			}
			else if (alert.state() == State.PENDING && now - alert.activeAtMillis() >= hold) {
				entry.setValue(new Alert(alert.name(), alert.labels(), State.FIRING, alert.activeAtMillis(), now, 0,
						alert.value()));
			}
		}
		return List.copyOf(alerts.values());
	}
}
