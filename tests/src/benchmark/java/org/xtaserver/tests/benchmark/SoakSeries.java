package org.xtaserver.tests.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One metric over the soak's samples and whether it grew. The window is cut in thirds; the first
 * third is the reference, the last third is what the server settled at.
 *
 * <p>Two rules, chosen per metric:
 * <ul>
 * <li>{@link Rule#TREND}, for the live heap, whose samples scatter: the
 * least-squares line through all samples may rise by at most {@code tolerance} (relative to the
 * first-third median) or {@code floor} (absolute, so that a small value does not make noise look
 * like growth) over the whole window, whichever is larger.</li>
 * <li>{@link Rule#FIRST_THIRD_MAX}, for counts (threads, connections, files), which move in steps,
 * and for resident memory, which still rises a little after the warm-up (code cache, malloc arenas):
 * the last-third median may not lie above the first-third maximum plus {@code tolerance} of it or
 * {@code floor}, whichever is larger.</li>
 * <li>{@link Rule#REPORTED}: shown, not judged (the heap used as found depends on how full the
 * young generation happens to be at the sample; the live heap is what shows a leak).</li>
 * </ul>
 *
 * @param name what is measured, with its unit
 * @param values one value per sample, in sample order
 * @param seconds the sample times
 * @param rule how growth is judged
 * @param tolerance allowed rise relative to the first-third median ({@link Rule#TREND}) or maximum
 * ({@link Rule#FIRST_THIRD_MAX})
 * @param floor allowed absolute rise, in the metric's unit
 */
record SoakSeries(String name, double[] values, double[] seconds, Rule rule, double tolerance, double floor) {

	enum Rule {
		TREND, FIRST_THIRD_MAX, REPORTED
	}

	static SoakSeries of(String name, List<SoakSample> samples, ToDoubleFunction<SoakSample> value, Rule rule,
			double tolerance, double floor) {
		return new SoakSeries(name, samples.stream().mapToDouble(value).toArray(),
				samples.stream().mapToDouble(SoakSample::seconds).toArray(), rule, tolerance, floor);
	}

	double firstThirdMedian() {
		return median(firstThird());
	}

	double firstThirdMax() {
		return Arrays.stream(firstThird()).max().orElse(Double.NaN);
	}

	double lastThirdMedian() {
		return median(lastThird());
	}

	double max() {
		return Arrays.stream(this.values).max().orElse(Double.NaN);
	}

	/** Last-third median minus first-third median. */
	double growth() {
		return lastThirdMedian() - firstThirdMedian();
	}

	/** Rise of the least-squares line over the whole window, in the metric's unit. */
	double trend() {
		int n = this.values.length;
		if (n < 2) {
			return Double.NaN;
		}
		double meanX = Arrays.stream(this.seconds).average().orElseThrow();
		double meanY = Arrays.stream(this.values).average().orElseThrow();
		double covariance = 0;
		double variance = 0;
		for (int i = 0; i < n; i++) {
			covariance += (this.seconds[i] - meanX) * (this.values[i] - meanY);
			variance += (this.seconds[i] - meanX) * (this.seconds[i] - meanX);
		}
		return (variance == 0) ? 0 : covariance / variance * (this.seconds[n - 1] - this.seconds[0]);
	}

	/** The highest value the rule accepts for its measure (trend or last-third median). */
	double limit() {
		return switch (this.rule) {
			case TREND -> Math.max(this.tolerance * firstThirdMedian(), this.floor);
			case FIRST_THIRD_MAX -> firstThirdMax() + Math.max(this.tolerance * firstThirdMax(), this.floor);
			case REPORTED -> Double.NaN;
		};
	}

	/** The value the rule compares with {@link #limit()}. */
	double measure() {
		return switch (this.rule) {
			case TREND -> trend();
			case FIRST_THIRD_MAX, REPORTED -> lastThirdMedian();
		};
	}

	boolean judged() {
		return this.rule != Rule.REPORTED;
	}

	/**
	 * False also when there are too few (valid) samples: a metric that could not be read proves
	 * nothing. Always true for a metric that is only reported.
	 */
	boolean met() {
		if (!judged()) {
			return true;
		}
		boolean valid = this.values.length >= 3 && Arrays.stream(this.values).allMatch((v) -> v >= 0);
		return valid && measure() <= limit();
	}

	/** The criterion in words, for the report. */
	String criterion() {
		return switch (this.rule) {
			case TREND -> String.format(java.util.Locale.ROOT,
					"least-squares trend over the window <= max(%.0f %% of first-third median, %s)",
					this.tolerance * 100, SoakSample.format(this.floor, 0));
			case FIRST_THIRD_MAX -> (this.tolerance > 0)
					? String.format(java.util.Locale.ROOT,
							"last-third median <= first-third max + max(%.0f %% of it, %s)", this.tolerance * 100,
							SoakSample.format(this.floor, 0))
					: "last-third median <= first-third max + " + SoakSample.format(this.floor, 0);
			case REPORTED -> "reported only";
		};
	}

	private double[] firstThird() {
		return Arrays.copyOfRange(this.values, 0, third());
	}

	private double[] lastThird() {
		return Arrays.copyOfRange(this.values, this.values.length - third(), this.values.length);
	}

	private int third() {
		return Math.max(1, this.values.length / 3);
	}

	private static double median(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}
}
