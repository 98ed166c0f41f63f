package org.xtaserver.tests.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One example of the integrator's guide: a heading {@code #### <operation> <kind>} followed by a
 * fenced block ({@code ```xml} for an envelope, {@code ```http} for a whole HTTP message).
 *
 * @param operation the WSDL operation, e.g. {@code getStatusList}
 * @param kind request or response, normal or fault
 * @param language the fence's language, {@code xml} or {@code http}
 * @param text the block's content
 * @param line line of the heading in the guide, for failure messages
 */
record GuideExample(String operation, Kind kind, String language, String text, int line) {

	private static final Pattern HEADING = Pattern.compile("^#### (\\S+) (request|response|fault request|fault response)\\s*$");

	private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

	/** What an example shows. */
	enum Kind {

		REQUEST("request"), RESPONSE("response"), FAULT_REQUEST("fault request"), FAULT_RESPONSE("fault response");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		static Kind of(String label) {
			return Arrays.stream(values())
				.filter((kind) -> kind.label.equals(label))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(label));
		}

		boolean request() {
			return this == REQUEST || this == FAULT_REQUEST;
		}

		boolean fault() {
			return this == FAULT_REQUEST || this == FAULT_RESPONSE;
		}

		/** The other half of an exchange: the response of a request and vice versa. */
		Kind counterpart() {
			return switch (this) {
				case REQUEST -> RESPONSE;
				case RESPONSE -> REQUEST;
				case FAULT_REQUEST -> FAULT_RESPONSE;
				case FAULT_RESPONSE -> FAULT_REQUEST;
			};
		}
	}

	/** "getMessage response (line 812)". */
	String title() {
		return this.operation + " " + this.kind.label + " (line " + this.line + ")";
	}

	/**
	 * The examples of a guide in the order they appear.
	 * @throws IllegalStateException when an example heading is not followed by a closed code block
	 */
	static List<GuideExample> read(Path markdown) {
		List<String> lines;
		try {
			lines = Files.readAllLines(markdown);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the guide " + markdown.toAbsolutePath().normalize(), ex);
		}
		List<GuideExample> examples = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher heading = HEADING.matcher(lines.get(i));
			if (!heading.matches()) {
				continue;
			}
			int headingLine = i + 1;
			int open = i + 1;
			while (open < lines.size() && lines.get(open).isBlank()) {
				open++;
			}
			Matcher fence = (open < lines.size()) ? FENCE.matcher(lines.get(open)) : null;
			if (fence == null || !fence.matches()) {
				throw new IllegalStateException(markdown + " line " + headingLine + ": the example heading '"
						+ lines.get(i) + "' must be followed by a fenced code block");
			}
			int close = open + 1;
			while (close < lines.size() && !lines.get(close).startsWith("```")) {
				close++;
			}
			if (close >= lines.size()) {
				throw new IllegalStateException(markdown + " line " + headingLine + ": code block never closed");
			}
			String language = fence.group(1).isEmpty() ? "xml" : fence.group(1);
			examples.add(new GuideExample(heading.group(1), Kind.of(heading.group(2)), language,
					String.join("\n", lines.subList(open + 1, close)), headingLine));
			i = close;
		}
		return List.copyOf(examples);
	}
}
