package org.xtaserver.tests.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.xtaserver.tests.alerts.PromQlEvaluator.Sample;

/** Parser and evaluator on hand-made series, with results worked out by hand from Prometheus' rules. */
class PromQlEvaluatorTest {

	/** An arbitrary "now": evaluation instants are offsets from here. */
	private static final long T = 1_700_000_000_000L;

	private final TimeSeriesStore store = new TimeSeriesStore();

	private final PromQlEvaluator evaluator = new PromQlEvaluator(this.store);

	@Test
	void selectorsMatchWithAllFourMatcherTypesAndTreatMissingLabelsAsEmpty() {
		put("m", Map.of("env", "prod", "pod", "a-1"), 0, 1);
		put("m", Map.of("env", "test", "pod", "a-2"), 0, 2);
		put("m", Map.of("pod", "b-1"), 0, 3);
		put("other", Map.of("env", "prod"), 0, 4);

		assertThat(values("m{env=\"prod\"}", 0)).containsOnlyKeys("m{env=\"prod\",pod=\"a-1\"}");
		assertThat(values("m{env!=\"prod\"}", 0)).containsOnlyKeys("m{env=\"test\",pod=\"a-2\"}", "m{pod=\"b-1\"}");
		assertThat(values("m{pod=~\"a-.*\"}", 0)).hasSize(2);
		assertThat(values("m{pod=~\"a\"}", 0)).as("regexes are anchored").isEmpty();
		assertThat(values("m{pod!~\"a-.*\", env=\"\"}", 0)).containsOnlyKeys("m{pod=\"b-1\"}");
		assertThat(values("{env=\"prod\"}", 0)).hasSize(2);
		assertThat(values("{__name__=~\"m|other\", env=~\"prod|\"}", 0)).hasSize(3);
		assertThatThrownBy(() -> PromQl.parse("{env=~\".*\"}")).hasMessageContaining("at least one matcher");
	}

	@Test
	void instantSelectorsLookBackFiveMinutesAndStopAtStalenessMarkers() {
		put("m", Map.of("s", "old"), -301, 1);
		put("m", Map.of("s", "recent"), -299, 2);
		put("m", Map.of("s", "ended"), -10, 3);
		this.store.markStale(Labels.of("m", Map.of("s", "ended")), T - 5_000);
		put("m", Map.of("s", "future"), 10, 4);

		assertThat(values("m", 0)).containsOnlyKeys("m{s=\"recent\"}");
		assertThat(values("m", -6)).containsOnlyKeys("m{s=\"old\"}", "m{s=\"recent\"}", "m{s=\"ended\"}");
	}

	@Test
	void deltaIncreaseAndRateExtrapolateToTheRangeBoundaries() {
		// Samples at 15 s intervals ending at the evaluation time: extrapolated to the full minute.
		series("gauge", Map.of(), 15, 1, 2, 3, 4);
		series("counter", Map.of(), 15, 10, 20, 5, 15);

		assertThat(single("delta(gauge[1m])", 60)).isCloseTo(4.0, within(1e-9));
		assertThat(single("increase(gauge[1m])", 60)).isCloseTo(4.0, within(1e-9));
		assertThat(single("rate(gauge[1m])", 60)).isCloseTo(4.0 / 60, within(1e-9));
		// 15 - 10 plus 20 before the reset = 25 over 45 s sampled, extrapolated to 60 s.
		assertThat(single("increase(counter[1m])", 60)).isCloseTo(25.0 * 60 / 45, within(1e-9));
		assertThat(single("delta(counter[1m])", 60)).as("delta ignores resets").isCloseTo(5.0 * 60 / 45, within(1e-9));
	}

	@Test
	void extrapolationStopsHalfASampleBeforeAGapAndAtACounterZero() {
		// 0, 1, 2 at 40, 50, 60 s of a 60 s range: the series starts inside the range, so only 5 s are added.
		series("late", Map.of(), 10, 0, 1, 2);
		assertThat(single("delta(late[1m])", 60)).isCloseTo(2.0 * 25 / 20, within(1e-9));
		// A counter rising by 1 every 15 s from 0.5 would have been 0 7.5 s before its first sample:
		// increase() extrapolates back to there, not to the range start as delta() does.
		series("young", Map.of(), 15, 0.5, 1.5, 2.5, 3.5);
		assertThat(single("increase(young[1m])", 60)).isCloseTo(3.5, within(1e-9));
		assertThat(single("delta(young[1m])", 60)).isCloseTo(4.0, within(1e-9));
	}

	@Test
	void rangeFunctionsNeedTwoSamplesAndDropTheMetricName() {
		put("one", Map.of(), 0, 5);
		series("two", Map.of("pod", "p"), 30, 1, 2);

		assertThat(values("delta(one[1m])", 0)).isEmpty();
		assertThat(values("delta(two[1m])", 60)).containsOnlyKeys("{pod=\"p\"}");
	}

	@Test
	void aggregationsGroupByOrWithoutLabelsAndDropTheName() {
		put("m", Map.of("tenant", "a", "pod", "1"), 0, 5);
		put("m", Map.of("tenant", "a", "pod", "2"), 0, 7);
		put("m", Map.of("tenant", "b", "pod", "1"), 0, 1);

		assertThat(values("max without (pod) (m)", 0)).isEqualTo(Map.of("{tenant=\"a\"}", 7.0, "{tenant=\"b\"}", 1.0));
		assertThat(values("min by (tenant) (m)", 0)).isEqualTo(Map.of("{tenant=\"a\"}", 5.0, "{tenant=\"b\"}", 1.0));
		assertThat(values("sum(m) by (pod)", 0)).isEqualTo(Map.of("{pod=\"1\"}", 6.0, "{pod=\"2\"}", 7.0));
		assertThat(values("sum(m)", 0)).isEqualTo(Map.of("{}", 13.0));
		assertThat(values("avg by (tenant) (m)", 0)).containsEntry("{tenant=\"a\"}", 6.0);
		assertThat(values("count without (pod, tenant) (m)", 0)).isEqualTo(Map.of("{}", 3.0));
	}

	@Test
	void comparisonsFilterAndKeepTheVectorValueArithmeticDropsTheName() {
		put("m", Map.of("k", "a"), 0, 5);
		put("m", Map.of("k", "b"), 0, 50);

		assertThat(values("m > 10", 0)).isEqualTo(Map.of("m{k=\"b\"}", 50.0));
		assertThat(values("10 < m", 0)).as("scalar on the left keeps the vector value").isEqualTo(Map.of("m{k=\"b\"}", 50.0));
		assertThat(values("m > bool 10", 0)).isEqualTo(Map.of("{k=\"a\"}", 0.0, "{k=\"b\"}", 1.0));
		assertThat(values("100 - m * 2", 0)).isEqualTo(Map.of("{k=\"a\"}", 90.0, "{k=\"b\"}", 0.0));
		assertThat(values("-m", 0)).containsEntry("{k=\"a\"}", -5.0);
		assertThat(values("2 ^ 3 ^ 2 + m - m", 0)).as("^ is right-associative").containsEntry("{k=\"a\"}", 512.0);
		assertThat(single("time()", 42)).isEqualTo((T + 42_000) / 1000.0);
		assertThat(single("time() - 2 * 3 > bool 0", 0)).isEqualTo(1.0);
		assertThatThrownBy(() -> this.evaluator.evaluate(PromQl.parse("1 > 0"), T)).hasMessageContaining("bool");
	}

	@Test
	void vectorsMatchOneToOneOnAllLabelsButTheNameOrOnOrIgnoring() {
		put("used", Map.of("pod", "1", "pool", "x"), 0, 3);
		put("used", Map.of("pod", "2", "pool", "x"), 0, 8);
		put("limit", Map.of("pod", "1", "pool", "x"), 0, 10);
		put("limit", Map.of("pod", "2", "pool", "x"), 0, 4);
		put("limit", Map.of("pod", "3", "pool", "x"), 0, 4);
		put("quota", Map.of("pod", "1", "team", "t"), 0, 100);

		assertThat(values("used / limit", 0)).isEqualTo(Map.of("{pod=\"1\",pool=\"x\"}", 0.3, "{pod=\"2\",pool=\"x\"}", 2.0));
		assertThat(values("used > limit", 0)).as("filter keeps the left side").isEqualTo(Map.of("used{pod=\"2\",pool=\"x\"}", 8.0));
		assertThat(values("used + on (pod) quota", 0)).isEqualTo(Map.of("{pod=\"1\"}", 103.0));
		assertThat(values("used + ignoring (pool, team) quota", 0)).isEqualTo(Map.of("{pod=\"1\"}", 103.0));
		assertThatThrownBy(() -> this.evaluator.evaluate(PromQl.parse("used + on (pool) limit"), T))
			.hasMessageContaining("many-to-many");
	}

	@Test
	void setOperatorsMatchOnLabelSetsAndBindWeakerThanComparisons() {
		put("a", Map.of("t", "1"), 0, 1);
		put("a", Map.of("t", "2"), 0, 2);
		put("b", Map.of("t", "2"), 0, 20);
		put("b", Map.of("t", "3"), 0, 30);

		assertThat(values("a and b", 0)).isEqualTo(Map.of("a{t=\"2\"}", 2.0));
		assertThat(values("a unless b", 0)).isEqualTo(Map.of("a{t=\"1\"}", 1.0));
		assertThat(values("a or b", 0)).isEqualTo(Map.of("a{t=\"1\"}", 1.0, "a{t=\"2\"}", 2.0, "b{t=\"3\"}", 30.0));
		assertThat(values("a > 1 or b > 25", 0)).isEqualTo(Map.of("a{t=\"2\"}", 2.0, "b{t=\"3\"}", 30.0));
		assertThat(values("(a == 0) or (b > 0) and a", 0)).as("and binds tighter than or").isEqualTo(Map.of("b{t=\"2\"}", 20.0));
		assertThat(values("a and on () b", 0)).hasSize(2);
	}

	@Test
	void refusesWhatTheSubsetDoesNotCover() {
		for (String unsupported : List.of("m offset 5m", "rate(m[5m:1m])", "topk(3, m)", "label_replace(m)", "m + \"x\"",
				"a * on (x) group_left b", "m[5m] + 1", "sum(m", "m{a=\"1\"")) {
			assertThatThrownBy(() -> this.evaluator.evaluate(PromQl.parse(unsupported), T)).as(unsupported)
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void durationsCombineUnits() {
		assertThat(PromQl.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(PromQl.duration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(PromQl.duration("2w")).isEqualTo(Duration.ofDays(14));
		assertThatThrownBy(() -> PromQl.duration("5 m")).isInstanceOf(IllegalArgumentException.class);
	}

	/** One sample at T + seconds. */
	private void put(String name, Map<String, String> labels, int seconds, double value) {
		this.store.append(Labels.of(name, labels), T + seconds * 1000L, value);
	}

	/** Samples every {@code step} seconds ending at T + 60 s. */
	private void series(String name, Map<String, String> labels, int step, double... values) {
		for (int i = 0; i < values.length; i++) {
			put(name, labels, 60 - (values.length - 1 - i) * step, values[i]);
		}
	}

	private Map<String, Double> values(String expression, int seconds) {
		return this.evaluator.vector(PromQl.parse(expression), T + seconds * 1000L)
			.stream()
			.collect(Collectors.toMap((s) -> s.labels().toString(), Sample::value, (a, b) -> a, LinkedHashMap::new));
	}

	private double single(String expression, int seconds) {
		List<Sample> result = this.evaluator.vector(PromQl.parse(expression), T + seconds * 1000L);
		assertThat(result).as(expression).hasSize(1);
		return result.get(0).value();
	}
}
