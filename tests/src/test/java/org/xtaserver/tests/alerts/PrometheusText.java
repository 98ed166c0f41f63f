package org.xtaserver.tests.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parser of the Prometheus text exposition format (version 0.0.4), as {@code /actuator/prometheus}
 * writes it: one sample per line, {@code name{label="value",...} value [timestamp]}; {@code #} lines
 * (HELP, TYPE, comments) and blank lines are skipped. Label values may contain the escapes
 * {@code \\}, {@code \"} and {@code \n}; values may be {@code NaN}, {@code +Inf}, {@code -Inf}.
 * A timestamp is read but not used: the scraper stamps samples with the scrape time, as Prometheus
 * does for targets that send none (Micrometer never sends one).
 */
final class PrometheusText {

	/** One exposed sample. */
	record Sample(String name, Map<String, String> labels, double value) {

		Labels series() {
			return Labels.of(this.name, this.labels);
		}
	}

	private final String line;

	private final int lineNumber;

	private int pos;

	private PrometheusText(String line, int lineNumber) {
		this.line = line;
		this.lineNumber = lineNumber;
	}

	/**
	 * The samples of a scrape, in order.
	 * @throws IllegalArgumentException naming the line when the text is not in the format
	 */
	static List<Sample> parse(String text) {
		List<Sample> samples = new ArrayList<>();
		int number = 0;
		for (String line : text.split("\n", -1)) {
			number++;
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			samples.add(new PrometheusText(trimmed, number).sample());
		}
		return samples;
	}

	private Sample sample() {
		String name = name();
		Map<String, String> labels = new LinkedHashMap<>();
		int afterName = this.pos;
		skipBlanks();
		if (peek() == '{') {
			this.pos++;
			labels(labels);
		}
		else if (this.pos == afterName) {
			throw error("expected { or a blank after the metric name");
		}
		skipBlanks();
		String valueText = token();
		if (valueText.isEmpty()) {
			throw error("no value");
		}
		double value;
		try {
			value = number(valueText);
		}
		catch (IllegalArgumentException ex) {
			throw error(ex.getMessage());
		}
		skipBlanks();
		if (this.pos < this.line.length()) {
			String timestamp = token();
			if (!timestamp.matches("-?[0-9]+")) {
				throw error("timestamp is not an integer: " + timestamp);
			}
			skipBlanks();
			if (this.pos < this.line.length()) {
				throw error("unexpected text after the timestamp");
			}
		}
		return new Sample(name, labels, value);
	}

	private String name() {
		int start = this.pos;
		while (this.pos < this.line.length() && isNameChar(this.line.charAt(this.pos), this.pos == start, true)) {
			this.pos++;
		}
		if (this.pos == start) {
			throw error("expected a metric name");
		}
		return this.line.substring(start, this.pos);
	}

	private void labels(Map<String, String> labels) {
		while (true) {
			skipBlanks();
			if (peek() == '}') {
				this.pos++;
				return;
			}
			int start = this.pos;
			while (this.pos < this.line.length() && isNameChar(this.line.charAt(this.pos), this.pos == start, false)) {
				this.pos++;
			}
			if (this.pos == start) {
				throw error("expected a label name");
			}
			String label = this.line.substring(start, this.pos);
			skipBlanks();
			expect('=');
			skipBlanks();
			expect('"');
			StringBuilder value = new StringBuilder();
			while (true) {
				if (this.pos >= this.line.length()) {
					throw error("unterminated value of label " + label);
				}
				char c = this.line.charAt(this.pos++);
				if (c == '"') {
					break;
				}
				if (c == '\\') {
					if (this.pos >= this.line.length()) {
						throw error("unterminated escape in label " + label);
					}
					char escaped = this.line.charAt(this.pos++);
					switch (escaped) {
						case '\\' -> value.append('\\');
						case '"' -> value.append('"');
						case 'n' -> value.append('\n');
						default -> throw error("unknown escape \\" + escaped + " in label " + label);
					}
				}
				else {
					value.append(c);
				}
			}
			if (labels.put(label, value.toString()) != null) {
				throw error("label " + label + " twice");
			}
			skipBlanks();
			if (peek() == ',') {
				this.pos++;
			}
			else if (peek() != '}') {
				throw error("expected , or } after label " + label);
			}
		}
	}

	/** A sample value: Go's float syntax as Prometheus writes it, including NaN and +/-Inf. */
	static double number(String text) {
		return switch (text) {
			case "NaN" -> Double.NaN;
			case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> {
				if (!text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
					throw new IllegalArgumentException("not a sample value: " + text);
				}
				yield Double.parseDouble(text);
			}
		};
	}

	private String token() {
		int start = this.pos;
		while (this.pos < this.line.length() && !atBlank()) {
			this.pos++;
		}
		return this.line.substring(start, this.pos);
	}

	private static boolean isNameChar(char c, boolean first, boolean metric) {
		boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (metric && c == ':');
		return letter || (!first && c >= '0' && c <= '9');
	}

	private void expect(char c) {
		if (peek() != c) {
			throw error("expected " + c);
		}
		this.pos++;
	}

	private char peek() {
		return this.pos < this.line.length() ? this.line.charAt(this.pos) : '\0';
	}

	private boolean atBlank() {
		return this.pos < this.line.length() && (this.line.charAt(this.pos) == ' ' || this.line.charAt(this.pos) == '\t');
	}

	private void skipBlanks() {
		while (atBlank()) {
			this.pos++;
		}
	}

	private IllegalArgumentException error(String problem) {
		return new IllegalArgumentException("line " + this.lineNumber + ", column " + (this.pos + 1) + ": " + problem
				+ ": " + this.line);
	}
}
