package org.xtaserver.tests.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An in-memory time series database with Prometheus' read semantics, for the PromQL evaluator:
 * samples per label set in time order, staleness markers (a series that is missing from a scrape,
 * or whose target failed, ends at that scrape), and a lookback window for instant selectors.
 * Thread-safe: the scraper writes while a test thread may read.
 */
final class TimeSeriesStore {

	/** Prometheus' default {@code --query.lookback-delta}. */
	static final Duration DEFAULT_LOOKBACK = Duration.ofMinutes(5);

	/** One sample; {@link #stale} marks the end of a series (Prometheus writes a special NaN). */
	record Point(long timeMillis, double value, boolean stale) {
	}

	/** A label matcher of a selector: {@code =}, {@code !=}, {@code =~}, {@code !~}. */
	record Matcher(String label, Type type, String value, Pattern pattern) {

		enum Type {

			EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

			final String symbol;

			Type(String symbol) {
				this.symbol = symbol;
			}
		}

		static Matcher of(String label, Type type, String value) {
			// PromQL regexes are fully anchored.
			Pattern pattern = (type == Type.REGEX || type == Type.NOT_REGEX)
					? Pattern.compile("^(?:" + value + ")$", Pattern.DOTALL) : null;
			return new Matcher(label, type, value, pattern);
		}

		/** Missing labels count as the empty value, as in Prometheus. */
		boolean matches(Labels labels) {
			String actual = labels.get(this.label);
			return switch (this.type) {
				case EQUAL -> actual.equals(this.value);
				case NOT_EQUAL -> !actual.equals(this.value);
				case REGEX -> this.pattern.matcher(actual).matches();
				case NOT_REGEX -> !this.pattern.matcher(actual).matches();
			};
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Matcher m && m.label.equals(this.label) && m.type == this.type
					&& m.value.equals(this.value);
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(this.label, this.type, this.value);
		}

		@Override
		public String toString() {
			return this.label + this.type.symbol + '"' + this.value + '"';
		}
	}

	private final Map<Labels, List<Point>> series = new HashMap<>();

	private final long lookbackMillis;

	TimeSeriesStore() {
		this(DEFAULT_LOOKBACK);
	}

	TimeSeriesStore(Duration lookback) {
		this.lookbackMillis = lookback.toMillis();
	}

	/** Appends a sample; like Prometheus, a sample not newer than the series' last one is dropped. */
	synchronized void append(Labels labels, long timeMillis, double value) {
		add(labels, new Point(timeMillis, value, false));
	}

	/** Ends a series at {@code timeMillis} (it was not in the target's latest scrape). */
	synchronized void markStale(Labels labels, long timeMillis) {
		add(labels, new Point(timeMillis, Double.NaN, true));
	}

	private void add(Labels labels, Point point) {
		if (labels.name().isEmpty()) {
			throw new IllegalArgumentException("a series needs a metric name: " + labels);
		}
		List<Point> points = this.series.computeIfAbsent(labels, (l) -> new ArrayList<>());
		if (points.isEmpty() || points.get(points.size() - 1).timeMillis() < point.timeMillis()) {
			points.add(point);
		}
	}

	/**
	 * An instant vector selector at {@code timeMillis}: for each matching series its latest sample in
	 * {@code (t - lookback, t]}, unless that sample is a staleness marker.
	 */
	synchronized Map<Labels, Double> instant(List<Matcher> matchers, long timeMillis) {
		Map<Labels, Double> result = new HashMap<>();
		this.series.forEach((labels, points) -> {
			if (matchesAll(matchers, labels)) {
				Point latest = null;
				for (Point p : points) {
					if (p.timeMillis() > timeMillis) {
						break;
					}
					latest = p;
				}
				if (latest != null && !latest.stale() && latest.timeMillis() > timeMillis - this.lookbackMillis) {
					result.put(labels, latest.value());
				}
			}
		});
		return result;
	}

	/**
	 * A range vector selector: for each matching series its samples in {@code (t - range, t]}
	 * (left-open, as in Prometheus 3), staleness markers left out; series without samples there are
	 * left out.
	 */
	synchronized Map<Labels, List<Point>> range(List<Matcher> matchers, long timeMillis, Duration range) {
		long start = timeMillis - range.toMillis();
		Map<Labels, List<Point>> result = new HashMap<>();
		this.series.forEach((labels, points) -> {
			if (matchesAll(matchers, labels)) {
				List<Point> inRange = points.stream()
					.filter((p) -> !p.stale() && p.timeMillis() > start && p.timeMillis() <= timeMillis)
					.toList();
				if (!inRange.isEmpty()) {
					result.put(labels, inRange);
				}
			}
		});
		return result;
	}

	/** The metric names of all series stored so far. */
	synchronized java.util.SortedSet<String> metricNames() {
		java.util.SortedSet<String> names = new java.util.TreeSet<>();
		this.series.keySet().forEach((labels) -> names.add(labels.name()));
		return names;
	}

	private static boolean matchesAll(List<Matcher> matchers, Labels labels) {
		return matchers.stream().allMatch((m) -> m.matches(labels));
	}
}
