package org.xtaserver.tests.alerts;

import java.time.Duration;
import java.util.List;

import org.xtaserver.tests.alerts.TimeSeriesStore.Matcher;

/** The syntax tree of the PromQL subset that {@link PromQl} parses. */
sealed interface Expr {

	/** A number literal, e.g. {@code 900}, {@code 1e3}, {@code Inf}. */
	record NumberLiteral(double value) implements Expr {
	}

	/** {@code name{label="value", ...}}; the metric name is a {@code __name__} matcher. */
	record VectorSelector(List<Matcher> matchers) implements Expr {
	}

	/** {@code selector[5m]}. */
	record MatrixSelector(VectorSelector selector, Duration range) implements Expr {
	}

	/** A function call, e.g. {@code time()}, {@code delta(x[1h])}. */
	record Call(String function, List<Expr> args) implements Expr {
	}

	/** {@code sum|min|max|avg|count [by|without (labels)] (expr)}. */
	record Aggregation(String op, Expr expr, List<String> grouping, boolean without) implements Expr {
	}

	/**
	 * A binary operation. {@code matching} is null without {@code on}/{@code ignoring}; only
	 * one-to-one matching is supported (no {@code group_left}/{@code group_right}).
	 */
	record Binary(String op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching) implements Expr {

		boolean isComparison() {
			return List.of("==", "!=", ">", "<", ">=", "<=").contains(this.op);
		}

		boolean isSetOperator() {
			return List.of("and", "or", "unless").contains(this.op);
		}
	}

	/** {@code on(labels)} ({@code on} true) or {@code ignoring(labels)}. */
	record VectorMatching(boolean on, List<String> labels) {
	}

	/** Unary {@code -} or {@code +}. */
	record Unary(String op, Expr expr) implements Expr {
	}

	/** {@code (expr)}. */
	record Paren(Expr expr) implements Expr {
	}
}
