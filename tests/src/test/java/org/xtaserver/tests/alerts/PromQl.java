package org.xtaserver.tests.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xtaserver.tests.alerts.Expr.Aggregation;
import org.xtaserver.tests.alerts.Expr.Binary;
import org.xtaserver.tests.alerts.Expr.Call;
import org.xtaserver.tests.alerts.Expr.MatrixSelector;
import org.xtaserver.tests.alerts.Expr.NumberLiteral;
import org.xtaserver.tests.alerts.Expr.Paren;
import org.xtaserver.tests.alerts.Expr.Unary;
import org.xtaserver.tests.alerts.Expr.VectorMatching;
import org.xtaserver.tests.alerts.Expr.VectorSelector;
import org.xtaserver.tests.alerts.TimeSeriesStore.Matcher.Type;

/**
 * Parser of the PromQL subset the chart's rules use: vector selectors with {@code = != =~ !~}
 * matchers, range selectors {@code [d]}, number literals, the functions {@link #FUNCTIONS},
 * the aggregations {@link #AGGREGATIONS} with {@code by}/{@code without}, arithmetic, comparison
 * (with and without {@code bool}) and set operators with {@code on}/{@code ignoring}, unary minus
 * and parentheses, with PromQL's precedence. Anything else ({@code offset}, subqueries,
 * {@code group_left}, string literals, other functions) is refused with a message rather than
 * evaluated wrongly.
 */
final class PromQl {

	static final Set<String> FUNCTIONS = Set.of("time", "delta", "increase", "rate");

	static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "count");

	/** Binary operators by precedence (higher binds tighter); {@code ^} is right-associative. */
	private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(Map.entry("or", 1), Map.entry("and", 2),
			Map.entry("unless", 2), Map.entry("==", 3), Map.entry("!=", 3), Map.entry("<", 3), Map.entry(">", 3),
			Map.entry("<=", 3), Map.entry(">=", 3), Map.entry("+", 4), Map.entry("-", 4), Map.entry("*", 5),
			Map.entry("/", 5), Map.entry("%", 5), Map.entry("^", 6));

	private static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+");

	private static final Pattern DURATION_PART = Pattern.compile("([0-9]+)(ms|s|m|h|d|w|y)");

	private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F]+|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

	private static final List<String> SYMBOLS = List.of("==", "!=", "<=", ">=", "=~", "!~", "=", "<", ">", "+", "-", "*",
			"/", "%", "^", "(", ")", "{", "}", "[", "]", ",", ":");

	private enum Kind {

		IDENT, NUMBER, DURATION, STRING, SYMBOL, END

	}

	private record Token(Kind kind, String text, int position) {

		boolean is(String symbolOrIdent) {
			return (this.kind == Kind.SYMBOL || this.kind == Kind.IDENT) && this.text.equals(symbolOrIdent);
		}
	}

	private final String source;

	private final List<Token> tokens;

	private int next;

	private PromQl(String source) {
		this.source = source;
		this.tokens = lex(source);
	}

	/**
	 * Parses an expression.
	 * @throws IllegalArgumentException with the position when the text is not in the subset
	 */
	static Expr parse(String expression) {
		PromQl parser = new PromQl(expression);
		Expr expr = parser.expr(0);
		parser.expect(Kind.END, "end of expression");
		return expr;
	}

	/** A Prometheus duration such as {@code 90s}, {@code 1h30m}, {@code 500ms}. */
	static Duration duration(String text) {
		if (!DURATION.matcher(text).matches()) {
			throw new IllegalArgumentException("not a Prometheus duration: " + text);
		}
		Duration total = Duration.ZERO;
		Matcher part = DURATION_PART.matcher(text);
		while (part.find()) {
			long n = Long.parseLong(part.group(1));
			total = total.plus(switch (part.group(2)) {
				case "ms" -> Duration.ofMillis(n);
				case "s" -> Duration.ofSeconds(n);
				case "m" -> Duration.ofMinutes(n);
				case "h" -> Duration.ofHours(n);
				case "d" -> Duration.ofDays(n);
				case "w" -> Duration.ofDays(7 * n);
				default -> Duration.ofDays(365 * n);
			});
		}
		return total;
	}

	private Expr expr(int minPrecedence) {
		Expr lhs = unary();
		while (true) {
			Token op = peek();
			Integer precedence = binaryPrecedence(op);
			if (precedence == null || precedence < minPrecedence) {
				return lhs;
			}
			this.next++;
			boolean returnBool = false;
			if (peek().is("bool")) {
				if (precedence != 3) {
					throw error(peek(), "bool is only allowed after a comparison operator");
				}
				this.next++;
				returnBool = true;
			}
			VectorMatching matching = null;
			if (peek().kind() == Kind.IDENT && (peek().is("on") || peek().is("ignoring"))) {
				boolean on = this.tokens.get(this.next++).is("on");
				matching = new VectorMatching(on, labelList());
			}
			if (peek().is("group_left") || peek().is("group_right")) {
				throw error(peek(), "group_left/group_right are not supported by this evaluator");
			}
			Expr rhs = expr(op.is("^") ? precedence : precedence + 1);
			lhs = new Binary(op.text(), lhs, rhs, returnBool, matching);
		}
	}

	private Integer binaryPrecedence(Token token) {
		if (token.kind() == Kind.SYMBOL || (token.kind() == Kind.IDENT && Set.of("and", "or", "unless").contains(token.text()))) {
			return PRECEDENCE.get(token.text());
		}
		return null;
	}

	private Expr unary() {
		Token token = peek();
		if (token.is("-") || token.is("+")) {
			this.next++;
			// Unary minus binds weaker than ^ (-2^2 is -4), as in PromQL.
			return new Unary(token.text(), expr(PRECEDENCE.get("^")));
		}
		return postfix(primary());
	}

	private Expr primary() {
		Token token = this.tokens.get(this.next++);
		switch (token.kind()) {
			case NUMBER:
				return new NumberLiteral(number(token.text()));
			case STRING:
				throw error(token, "string literals are not supported by this evaluator");
			case SYMBOL:
				if (token.is("(")) {
					Expr inner = expr(0);
					expectSymbol(")");
					return new Paren(inner);
				}
				if (token.is("{")) {
					return selector(null, token);
				}
				throw error(token, "unexpected " + token.text());
			case IDENT:
				return identifier(token);
			case DURATION:
				throw error(token, "a duration is only allowed in a range [..]");
			default:
				throw error(token, "unexpected end of expression");
		}
	}

	private Expr identifier(Token token) {
		String name = token.text();
		if (AGGREGATIONS.contains(name) && (peek().is("(") || peek().is("by") || peek().is("without"))) {
			return aggregation(name);
		}
		if (peek().is("(")) {
			if (!FUNCTIONS.contains(name)) {
				throw error(token, "function " + name + " is not supported by this evaluator (only " + FUNCTIONS + ")");
			}
			this.next++;
			List<Expr> args = new ArrayList<>();
			if (!peek().is(")")) {
				args.add(expr(0));
				while (peek().is(",")) {
					this.next++;
					args.add(expr(0));
				}
			}
			expectSymbol(")");
			return new Call(name, List.copyOf(args));
		}
		if (name.equalsIgnoreCase("inf") || name.equalsIgnoreCase("nan")) {
			return new NumberLiteral(name.equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : Double.NaN);
		}
		if (Set.of("by", "without", "on", "ignoring", "bool", "offset", "and", "or", "unless").contains(name)) {
			throw error(token, "unexpected keyword " + name);
		}
		return selector(name, token);
	}

	private Aggregation aggregation(String op) {
		List<String> grouping = List.of();
		boolean without = false;
		boolean grouped = false;
		if (peek().is("by") || peek().is("without")) {
			without = this.tokens.get(this.next++).is("without");
			grouping = labelList();
			grouped = true;
		}
		expectSymbol("(");
		Expr inner = expr(0);
		if (peek().is(",")) {
			throw error(peek(), "aggregations with a parameter (topk, quantile, ...) are not supported");
		}
		expectSymbol(")");
		if (!grouped && (peek().is("by") || peek().is("without"))) {
			without = this.tokens.get(this.next++).is("without");
			grouping = labelList();
		}
		return new Aggregation(op, inner, grouping, without);
	}

	private List<String> labelList() {
		expectSymbol("(");
		List<String> labels = new ArrayList<>();
		while (!peek().is(")")) {
			labels.add(expect(Kind.IDENT, "a label name").text());
			if (!peek().is(",")) {
				break;
			}
			this.next++;
		}
		expectSymbol(")");
		return List.copyOf(labels);
	}

	private VectorSelector selector(String name, Token start) {
		List<TimeSeriesStore.Matcher> matchers = new ArrayList<>();
		if (name != null) {
			matchers.add(TimeSeriesStore.Matcher.of(Labels.NAME, Type.EQUAL, name));
			if (peek().is("{")) {
				this.next++;
			}
			else {
				return new VectorSelector(List.copyOf(matchers));
			}
		}
		while (!peek().is("}")) {
			String label = expect(Kind.IDENT, "a label name").text();
			Token op = this.tokens.get(this.next++);
			if (op.kind() != Kind.SYMBOL) {
				throw error(op, "expected a label matcher operator");
			}
			Type type = switch (op.text()) {
				case "=" -> Type.EQUAL;
				case "!=" -> Type.NOT_EQUAL;
				case "=~" -> Type.REGEX;
				case "!~" -> Type.NOT_REGEX;
				default -> throw error(op, "expected a label matcher operator");
			};
			String value = expect(Kind.STRING, "a quoted label value").text();
			matchers.add(TimeSeriesStore.Matcher.of(label, type, value));
			if (!peek().is(",")) {
				break;
			}
			this.next++;
		}
		expectSymbol("}");
		if (matchers.stream().allMatch((m) -> m.matches(Labels.EMPTY))) {
			throw error(start, "a vector selector needs at least one matcher that does not match the empty value");
		}
		return new VectorSelector(List.copyOf(matchers));
	}

	private Expr postfix(Expr expr) {
		if (peek().is("[")) {
			Token open = this.tokens.get(this.next++);
			if (!(expr instanceof VectorSelector selector)) {
				throw error(open, "a range is only allowed after a vector selector (subqueries are not supported)");
			}
			Duration range = duration(expect(Kind.DURATION, "a duration such as 5m").text());
			if (peek().is(":")) {
				throw error(peek(), "subqueries are not supported by this evaluator");
			}
			expectSymbol("]");
			expr = new MatrixSelector(selector, range);
		}
		if (peek().is("offset") || peek().is("@")) {
			throw error(peek(), "offset and @ are not supported by this evaluator");
		}
		return expr;
	}

	private Token peek() {
		return this.tokens.get(this.next);
	}

	private Token expect(Kind kind, String what) {
		Token token = this.tokens.get(this.next);
		if (token.kind() != kind) {
			throw error(token, "expected " + what);
		}
		this.next++;
		return token;
	}

	private void expectSymbol(String symbol) {
		Token token = this.tokens.get(this.next);
		if (!(token.kind() == Kind.SYMBOL && token.text().equals(symbol))) {
			throw error(token, "expected " + symbol);
		}
		this.next++;
	}

	private IllegalArgumentException error(Token token, String problem) {
		return new IllegalArgumentException(problem + " at position " + (token.position() + 1) + " of: " + this.source);
	}

	private static double number(String text) {
		if (text.startsWith("0x") || text.startsWith("0X")) {
			return Long.parseLong(text.substring(2), 16);
		}
		return Double.parseDouble(text);
	}

	private static List<Token> lex(String text) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			if (c == '#') {
				while (i < text.length() && text.charAt(i) != '\n') {
					i++;
				}
				continue;
			}
			if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
				Matcher duration = DURATION.matcher(text).region(i, text.length());
				if (duration.lookingAt() && !wordPart(text, duration.end())) {
					tokens.add(new Token(Kind.DURATION, duration.group(), i));
					i = duration.end();
					continue;
				}
				Matcher number = NUMBER.matcher(text).region(i, text.length());
				if (!number.lookingAt() || wordPart(text, number.end())) {
					throw new IllegalArgumentException("malformed number at position " + (i + 1) + " of: " + text);
				}
				tokens.add(new Token(Kind.NUMBER, number.group(), i));
				i = number.end();
				continue;
			}
			if (Character.isLetter(c) || c == '_' || c == ':') {
				int start = i;
				while (identifierPart(text, i)) {
					i++;
				}
				tokens.add(new Token(Kind.IDENT, text.substring(start, i), start));
				continue;
			}
			if (c == '"' || c == '\'' || c == '`') {
				int start = i;
				StringBuilder value = new StringBuilder();
				i++;
				while (true) {
					if (i >= text.length()) {
						throw new IllegalArgumentException("unterminated string at position " + (start + 1) + " of: " + text);
					}
					char s = text.charAt(i++);
					if (s == c) {
						break;
					}
					if (s == '\\' && c != '`') {
						if (i >= text.length()) {
							throw new IllegalArgumentException("unterminated escape at position " + i + " of: " + text);
						}
						char e = text.charAt(i++);
						value.append(switch (e) {
							case 'n' -> '\n';
							case 't' -> '\t';
							case '\\', '"', '\'' -> e;
							default -> throw new IllegalArgumentException("unsupported escape \\" + e + " at position " + i
									+ " of: " + text);
						});
					}
					else {
						value.append(s);
					}
				}
				tokens.add(new Token(Kind.STRING, value.toString(), start));
				continue;
			}
			String symbol = null;
			for (String candidate : SYMBOLS) {
				if (text.startsWith(candidate, i)) {
					symbol = candidate;
					break;
				}
			}
			if (symbol == null) {
				throw new IllegalArgumentException("unexpected character '" + c + "' at position " + (i + 1) + " of: " + text);
			}
			tokens.add(new Token(Kind.SYMBOL, symbol, i));
			i += symbol.length();
		}
		tokens.add(new Token(Kind.END, "", text.length()));
		return tokens;
	}

	/** Whether a letter, digit or underscore follows: a number or duration must end before none of them. */
	private static boolean wordPart(String text, int i) {
		return i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_');
	}

	private static boolean identifierPart(String text, int i) {
		if (i >= text.length()) {
			return false;
		}
		char c = text.charAt(i);
		return Character.isLetterOrDigit(c) || c == '_' || c == ':';
	}
}
