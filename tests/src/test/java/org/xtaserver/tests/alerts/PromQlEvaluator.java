package org.xtaserver.tests.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xtaserver.tests.alerts.Expr.Aggregation;
import org.xtaserver.tests.alerts.Expr.Binary;
import org.xtaserver.tests.alerts.Expr.Call;
import org.xtaserver.tests.alerts.Expr.MatrixSelector;
import org.xtaserver.tests.alerts.Expr.NumberLiteral;
import org.xtaserver.tests.alerts.Expr.Paren;
import org.xtaserver.tests.alerts.Expr.Unary;
import org.xtaserver.tests.alerts.Expr.VectorMatching;
import org.xtaserver.tests.alerts.Expr.VectorSelector;
import org.xtaserver.tests.alerts.TimeSeriesStore.Point;

/**
 * Evaluates a parsed {@link Expr} at an instant over a {@link TimeSeriesStore}, with Prometheus'
 * semantics for the subset: instant selectors with lookback and staleness, {@code delta},
 * {@code increase} and {@code rate} with Prometheus' extrapolation to the range boundaries and
 * counter-reset handling, aggregations by/without (dropping the metric name), arithmetic
 * (dropping the metric name), comparisons as filters (keeping the vector's value) or with
 * {@code bool}, one-to-one vector matching on all labels but the name or on/ignoring, and
 * {@code and}/{@code or}/{@code unless}.
 */
final class PromQlEvaluator {

	/** The value of an expression. */
	sealed interface Value {
	}

	record Scalar(double value) implements Value {
	}

	record Sample(Labels labels, double value) {
	}

	record InstantVector(List<Sample> samples) implements Value {
	}

	record RangeVector(Map<Labels, List<Point>> series, Duration range, long endMillis) implements Value {
	}

	private final TimeSeriesStore store;

	PromQlEvaluator(TimeSeriesStore store) {
		this.store = store;
	}

	/**
	 * The expression's result as a vector, as an alerting rule sees it (a scalar becomes one
	 * sample without labels).
	 * @throws IllegalArgumentException when the expression cannot be evaluated (e.g. many-to-many matching)
	 */
	List<Sample> vector(Expr expr, long timeMillis) {
		Value value = evaluate(expr, timeMillis);
		if (value instanceof Scalar s) {
			return List.of(new Sample(Labels.EMPTY, s.value()));
		}
		return instantVector(value, "a rule expression");
	}

	Value evaluate(Expr expr, long timeMillis) {
		if (expr instanceof NumberLiteral n) {
			return new Scalar(n.value());
		}
		if (expr instanceof Paren p) {
			return evaluate(p.expr(), timeMillis);
		}
		if (expr instanceof Unary u) {
			return unary(u, timeMillis);
		}
		if (expr instanceof VectorSelector s) {
			return new InstantVector(this.store.instant(s.matchers(), timeMillis)
				.entrySet()
				.stream()
				.map((e) -> new Sample(e.getKey(), e.getValue()))
				.toList());
		}
		if (expr instanceof MatrixSelector m) {
			return new RangeVector(this.store.range(m.selector().matchers(), timeMillis, m.range()), m.range(),
					timeMillis);
		}
		if (expr instanceof Call c) {
			return call(c, timeMillis);
		}
		if (expr instanceof Aggregation a) {
			return aggregate(a, timeMillis);
		}
		return binary((Binary) expr, timeMillis);
	}

	private Value unary(Unary unary, long timeMillis) {
		Value value = evaluate(unary.expr(), timeMillis);
		if (unary.op().equals("+")) {
			return value;
		}
		if (value instanceof Scalar s) {
			return new Scalar(-s.value());
		}
		return new InstantVector(instantVector(value, "unary minus").stream()
			.map((s) -> new Sample(s.labels().withoutName(), -s.value()))
			.toList());
	}

	private Value call(Call call, long timeMillis) {
		if (call.function().equals("time")) {
			if (!call.args().isEmpty()) {
				throw new IllegalArgumentException("time() takes no arguments");
			}
			return new Scalar(timeMillis / 1000.0);
		}
		if (call.args().size() != 1 || !(call.args().get(0) instanceof MatrixSelector)) {
			throw new IllegalArgumentException(call.function() + "() takes one range vector selector");
		}
		RangeVector range = (RangeVector) evaluate(call.args().get(0), timeMillis);
		boolean counter = !call.function().equals("delta");
		boolean perSecond = call.function().equals("rate");
		List<Sample> out = new ArrayList<>();
		range.series().forEach((labels, points) -> {
			Double value = extrapolatedRate(points, range.endMillis() - range.range().toMillis(), range.endMillis(),
					range.range(), counter, perSecond);
			if (value != null) {
				out.add(new Sample(labels.withoutName(), value));
			}
		});
		return new InstantVector(out);
	}

	/**
	 * Prometheus' {@code extrapolatedRate} (promql/functions.go): the change between the first and
	 * last sample in the range (for counters plus the value before each reset), extrapolated to the
	 * range boundaries when the samples come close to them (within 110 % of the average sample
	 * distance), otherwise by half a sample distance; counters not below zero. Null with fewer than
	 * two samples.
	 */
	static Double extrapolatedRate(List<Point> points, long rangeStartMillis, long rangeEndMillis, Duration range,
			boolean isCounter, boolean isRate) {
		if (points.size() < 2) {
			return null;
		}
		Point first = points.get(0);
		Point last = points.get(points.size() - 1);
		double result = last.value() - first.value();
		if (isCounter) {
			double previous = first.value();
			for (Point p : points.subList(1, points.size())) {
				if (p.value() < previous) {
					result += previous;
				}
				previous = p.value();
			}
		}
		double durationToStart = (first.timeMillis() - rangeStartMillis) / 1000.0;
		double durationToEnd = (rangeEndMillis - last.timeMillis()) / 1000.0;
		double sampledInterval = (last.timeMillis() - first.timeMillis()) / 1000.0;
		double averageBetweenSamples = sampledInterval / (points.size() - 1);
		double threshold = averageBetweenSamples * 1.1;
		if (durationToStart >= threshold) {
			durationToStart = averageBetweenSamples / 2;
		}
		if (isCounter && result > 0 && first.value() >= 0) {
			double durationToZero = sampledInterval * (first.value() / result);
			if (durationToZero < durationToStart) {
				durationToStart = durationToZero;
			}
		}
		if (durationToEnd >= threshold) {
			durationToEnd = averageBetweenSamples / 2;
		}
		double factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
		if (isRate) {
			factor /= range.toMillis() / 1000.0;
		}
		return result * factor;
	}

	private Value aggregate(Aggregation aggregation, long timeMillis) {
		List<Sample> input = instantVector(evaluate(aggregation.expr(), timeMillis), aggregation.op() + "()");
		Set<String> dropped = new HashSet<>(aggregation.grouping());
		dropped.add(Labels.NAME);
		Map<Labels, double[]> groups = new LinkedHashMap<>();
		for (Sample sample : input) {
			Labels key = aggregation.without() ? sample.labels().without(dropped)
					: sample.labels().only(aggregation.grouping());
			double v = sample.value();
			double[] acc = groups.get(key);
			if (acc == null) {
				// acc[0]: the value so far, acc[1]: the number of samples
				groups.put(key, new double[] { v, 1 });
				continue;
			}
			acc[1]++;
			acc[0] = switch (aggregation.op()) {
				case "sum", "avg" -> acc[0] + v;
				case "max" -> (Double.isNaN(acc[0]) || v > acc[0]) ? v : acc[0];
				case "min" -> (Double.isNaN(acc[0]) || v < acc[0]) ? v : acc[0];
				case "count" -> acc[0];
				default -> throw new IllegalArgumentException("aggregation " + aggregation.op());
			};
		}
		List<Sample> out = new ArrayList<>();
		groups.forEach((labels, acc) -> out.add(new Sample(labels, switch (aggregation.op()) {
			case "avg" -> acc[0] / acc[1];
			case "count" -> acc[1];
			default -> acc[0];
		})));
		return new InstantVector(out);
	}

	private Value binary(Binary binary, long timeMillis) {
		Value lhs = evaluate(binary.lhs(), timeMillis);
		Value rhs = evaluate(binary.rhs(), timeMillis);
		if (binary.isSetOperator()) {
			return setOperation(binary, instantVector(lhs, binary.op()), instantVector(rhs, binary.op()));
		}
		if (lhs instanceof Scalar l && rhs instanceof Scalar r) {
			if (binary.isComparison() && !binary.returnBool()) {
				throw new IllegalArgumentException("comparisons between scalars must use bool: " + binary.op());
			}
			return new Scalar(apply(binary, l.value(), r.value()).value());
		}
		if (lhs instanceof InstantVector l && rhs instanceof Scalar r) {
			return vectorScalar(binary, l, r.value(), false);
		}
		if (lhs instanceof Scalar l && rhs instanceof InstantVector r) {
			return vectorScalar(binary, r, l.value(), true);
		}
		return vectorVector(binary, instantVector(lhs, binary.op()), instantVector(rhs, binary.op()));
	}

	/** Result of one operation on two values: the value and whether a comparison keeps the sample. */
	private record Outcome(double value, boolean keep) {
	}

	private static Outcome apply(Binary binary, double l, double r) {
		Outcome outcome = switch (binary.op()) {
			case "+" -> new Outcome(l + r, true);
			case "-" -> new Outcome(l - r, true);
			case "*" -> new Outcome(l * r, true);
			case "/" -> new Outcome(l / r, true);
			case "%" -> new Outcome(l % r, true);
			case "^" -> new Outcome(Math.pow(l, r), true);
			case "==" -> new Outcome(l, l == r);
			case "!=" -> new Outcome(l, l != r);
			case ">" -> new Outcome(l, l > r);
			case "<" -> new Outcome(l, l < r);
			case ">=" -> new Outcome(l, l >= r);
			case "<=" -> new Outcome(l, l <= r);
			default -> throw new IllegalArgumentException("operator " + binary.op());
		};
		if (binary.returnBool()) {
			return new Outcome(outcome.keep() ? 1 : 0, true);
		}
		return outcome;
	}

	/** Arithmetic and {@code bool} change what a sample measures, so the metric name goes. */
	private static boolean dropsName(Binary binary) {
		return !binary.isComparison() || binary.returnBool();
	}

	private static InstantVector vectorScalar(Binary binary, InstantVector vector, double scalar, boolean scalarLeft) {
		List<Sample> out = new ArrayList<>();
		for (Sample sample : vector.samples()) {
			Outcome outcome = scalarLeft ? apply(binary, scalar, sample.value()) : apply(binary, sample.value(), scalar);
			if (!outcome.keep()) {
				continue;
			}
			// A filtering comparison always returns the vector's value, even with the scalar on the left.
			double value = (binary.isComparison() && !binary.returnBool()) ? sample.value() : outcome.value();
			out.add(new Sample(dropsName(binary) ? sample.labels().withoutName() : sample.labels(), value));
		}
		return new InstantVector(out);
	}

	private static InstantVector vectorVector(Binary binary, List<Sample> lhs, List<Sample> rhs) {
		Map<Labels, Sample> right = new HashMap<>();
		for (Sample sample : rhs) {
			Labels signature = signature(binary.matching(), sample.labels());
			if (right.put(signature, sample) != null) {
				throw new IllegalArgumentException("found duplicate series for the match group " + signature
						+ " on the right hand-side of " + binary.op() + ": many-to-many matching not allowed");
			}
		}
		Set<Labels> matched = new HashSet<>();
		List<Sample> out = new ArrayList<>();
		for (Sample l : lhs) {
			Labels signature = signature(binary.matching(), l.labels());
			Sample r = right.get(signature);
			if (r == null) {
				continue;
			}
			if (!matched.add(signature)) {
				throw new IllegalArgumentException("multiple matches for labels " + signature + " on the left hand-side of "
						+ binary.op() + ": many-to-one matching must be explicit (group_left/group_right)");
			}
			Outcome outcome = apply(binary, l.value(), r.value());
			if (!outcome.keep()) {
				continue;
			}
			Labels labels = dropsName(binary) ? l.labels().withoutName() : l.labels();
			VectorMatching matching = binary.matching();
			if (matching != null) {
				labels = matching.on() ? labels.only(matching.labels()) : labels.without(matching.labels());
			}
			out.add(new Sample(labels, outcome.value()));
		}
		return new InstantVector(out);
	}

	private static InstantVector setOperation(Binary binary, List<Sample> lhs, List<Sample> rhs) {
		Set<Labels> right = new HashSet<>();
		rhs.forEach((s) -> right.add(signature(binary.matching(), s.labels())));
		List<Sample> out = new ArrayList<>();
		switch (binary.op()) {
			case "and" -> lhs.stream().filter((s) -> right.contains(signature(binary.matching(), s.labels()))).forEach(out::add);
			case "unless" -> lhs.stream().filter((s) -> !right.contains(signature(binary.matching(), s.labels()))).forEach(out::add);
			default -> {
				Set<Labels> left = new HashSet<>();
				lhs.forEach((s) -> left.add(signature(binary.matching(), s.labels())));
				out.addAll(lhs);
				rhs.stream().filter((s) -> !left.contains(signature(binary.matching(), s.labels()))).forEach(out::add);
			}
		}
		return new InstantVector(out);
	}

	/** The labels two samples must share to match: all but the name, or on(...)/ignoring(...). */
	private static Labels signature(VectorMatching matching, Labels labels) {
		if (matching == null) {
			return labels.withoutName();
		}
		if (matching.on()) {
			return labels.only(matching.labels());
		}
		List<String> ignored = new ArrayList<>(matching.labels());
		ignored.add(Labels.NAME);
		return labels.without(ignored);
	}

	private static List<Sample> instantVector(Value value, String where) {
		if (value instanceof InstantVector v) {
			return v.samples();
		}
		throw new IllegalArgumentException(where + " needs an instant vector, got " + value.getClass().getSimpleName());
	}
}
