package org.xtaserver.tests.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xtaserver.tests.alerts.RuleEvaluator.Alert;
import org.xtaserver.tests.alerts.RuleEvaluator.State;

/** Pending, firing and resolving across evaluations, as Prometheus' rule manager does it. */
class RuleEvaluatorTest {

	private static final long T = 1_700_000_000_000L;

	private final TimeSeriesStore store = new TimeSeriesStore();

	private final RuleEvaluator rules = new RuleEvaluator(List.of(rule("High", "m > 10", Duration.ofSeconds(5)),
			rule("Instant", "m > 100", Duration.ZERO)), this.store);

	@Test
	void pendingUntilTheConditionHeldForTheHoldDurationThenFiring() {
		List<State> states = new java.util.ArrayList<>();
		for (int s = 0; s <= 7; s++) {
			put("m", s, s < 2 ? 5 : 50);
			states.add(high(s).map(Alert::state).orElse(State.INACTIVE));
		}

		// Condition from 2 s on; "for: 5s" is reached at 7 s.
		assertThat(states).containsExactly(State.INACTIVE, State.INACTIVE, State.PENDING, State.PENDING, State.PENDING,
				State.PENDING, State.PENDING, State.FIRING);
		Alert firing = high(7).orElseThrow();
		assertThat(firing.activeAtMillis()).isEqualTo(T + 2000);
		assertThat(firing.firedAtMillis()).isEqualTo(T + 7000);
		assertThat(firing.value()).isEqualTo(50);
		assertThat(firing.labels().map()).isEqualTo(Map.of("alertname", "High", "severity", "warning", "pod", "p"));
	}

	@Test
	void aPendingAlertWhoseConditionEndsStartsAgainFromNothing() {
		put("m", 0, 50);
		put("m", 1, 50);
		assertThat(high(1)).map(Alert::state).contains(State.PENDING);
		put("m", 2, 5);
		assertThat(high(2)).as("dropped, not resolved").isEmpty();
		for (int s = 3; s <= 7; s++) {
			put("m", s, 50);
			assertThat(high(s)).map(Alert::state).as("at %s s", s).contains(State.PENDING);
		}
		put("m", 8, 50);
		assertThat(high(8)).map(Alert::state).contains(State.FIRING);
	}

	@Test
	void aFiringAlertWhoseConditionEndsIsResolvedAndAZeroHoldFiresAtOnce() {
		put("m", 0, 500);
		List<Alert> first = this.rules.evaluate(T);
		assertThat(first).filteredOn((a) -> a.name().equals("Instant")).singleElement()
			.extracting(Alert::state).isEqualTo(State.FIRING);
		for (int s = 1; s <= 5; s++) {
			put("m", s, 500);
			this.rules.evaluate(T + s * 1000L);
		}
		put("m", 6, 1);
		List<Alert> after = this.rules.evaluate(T + 6000);

		assertThat(after).extracting(Alert::name, Alert::state)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("High", State.INACTIVE),
					org.assertj.core.groups.Tuple.tuple("Instant", State.INACTIVE));
		assertThat(after).allSatisfy((a) -> assertThat(a.resolvedAtMillis()).isEqualTo(T + 6000));
	}

	@Test
	void aSeriesThatGoesStaleEndsTheAlert() {
		for (int s = 0; s <= 5; s++) {
			put("m", s, 50);
			this.rules.evaluate(T + s * 1000L);
		}
		this.store.markStale(Labels.of("m", Map.of("pod", "p")), T + 6000);

		assertThat(high(6)).map(Alert::state).contains(State.INACTIVE);
	}

	@Test
	void twoResultsWithTheSameLabelsAfterDroppingTheNameAreAnError() {
		RuleEvaluator clash = new RuleEvaluator(List.of(rule("Clash", "{__name__=~\"a|b\"} > 0", Duration.ZERO)), this.store);
		this.store.append(Labels.of("a", Map.of("pod", "p")), T, 1);
		this.store.append(Labels.of("b", Map.of("pod", "p")), T, 1);

		assertThatThrownBy(() -> clash.evaluate(T)).hasMessageContaining("same labelset");
	}

	private java.util.Optional<Alert> high(int seconds) {
		return this.rules.evaluate(T + seconds * 1000L).stream().filter((a) -> a.name().equals("High")).findFirst();
	}

	private void put(String name, int seconds, double value) {
		this.store.append(Labels.of(name, Map.of("pod", "p")), T + seconds * 1000L, value);
	}

	private static AlertingRule rule(String name, String expression, Duration hold) {
		return new AlertingRule(name, expression, PromQl.parse(expression), hold, Map.of("severity", "warning"));
	}
}
