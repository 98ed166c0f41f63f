package org.xtaserver.tests.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads MIME multipart bodies (MTOM packages) in tests that inspect SOAP messages themselves: the
 * guide-example checks and the official conformance tests share it so both read a package the same
 * way. Line ends may be CRLF (wire) or LF (examples in the guide).
 */
public final class MimeMultipart {

	private static final byte[] CRLF_CRLF = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

	private static final byte[] LF_LF = "\n\n".getBytes(StandardCharsets.ISO_8859_1);

	private MimeMultipart() {
	}

	/**
	 * One part of a multipart body.
	 *
	 * @param headers the part's headers, names lower case
	 * @param content the part's bytes, without the line break before the next delimiter
	 */
	public record Part(Map<String, String> headers, byte[] content) {
	}

	/**
	 * The parts of a multipart/related package by Content-ID (brackets removed), and its root part.
	 *
	 * @param root the part the {@code start} parameter names, else the first
	 * @param byContentId each part's content by its Content-ID
	 */
	public record Related(Part root, Map<String, byte[]> byContentId) {

		/** {@code parts} must not be empty; {@code start} is the raw Content-Type parameter or null. */
		public static Related of(List<Part> parts, String start) {
			String rootId = unbracket(start);
			Part root = parts.get(0);
			Map<String, byte[]> byContentId = new HashMap<>();
			for (Part part : parts) {
				String id = unbracket(part.headers().get("content-id"));
				if (id != null) {
					byContentId.put(id, part.content());
					if (id.equals(rootId)) {
						root = part;
					}
				}
			}
			return new Related(root, byContentId);
		}
	}

	/** The parts between the delimiters {@code --boundary}; a part without a header end is skipped. */
	public static List<Part> parse(byte[] body, String boundary) {
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		List<Integer> starts = new ArrayList<>();
		for (int i = indexOf(body, delimiter, 0); i >= 0; i = indexOf(body, delimiter, i + delimiter.length)) {
			starts.add(i);
		}
		List<Part> parts = new ArrayList<>();
		for (int k = 0; k + 1 < starts.size(); k++) {
			// skip the line break after the delimiter; drop the one before the next delimiter
			int from = skipLineBreak(body, starts.get(k) + delimiter.length);
			int to = starts.get(k + 1);
			if (to >= 2 && body[to - 2] == '\r' && body[to - 1] == '\n') {
				to -= 2;
			}
			else if (to >= 1 && body[to - 1] == '\n') {
				to -= 1;
			}
			int headerEnd = indexOf(body, CRLF_CRLF, from);
			int bodyStart = headerEnd + 4;
			if (headerEnd < 0 || headerEnd > to) {
				headerEnd = indexOf(body, LF_LF, from);
				bodyStart = headerEnd + 2;
			}
			if (headerEnd < 0 || headerEnd > to) {
				continue;
			}
			Map<String, String> headers = new HashMap<>();
			for (String line : new String(body, from, headerEnd - from, StandardCharsets.ISO_8859_1).split("\r?\n")) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
				}
			}
			byte[] content = new byte[Math.max(0, to - bodyStart)];
			System.arraycopy(body, bodyStart, content, 0, content.length);
			parts.add(new Part(headers, content));
		}
		return parts;
	}

	/** The parameters of a Content-Type value (names lower case, quotes removed). */
	public static Map<String, String> parameters(String contentType) {
		Map<String, String> parameters = new HashMap<>();
		// split at semicolons outside quoted strings
		String[] pieces = contentType.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
		for (int i = 1; i < pieces.length; i++) {
			int eq = pieces[i].indexOf('=');
			if (eq > 0) {
				String value = pieces[i].substring(eq + 1).trim();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				parameters.put(pieces[i].substring(0, eq).trim().toLowerCase(Locale.ROOT), value);
			}
		}
		return parameters;
	}

	/** A Content-ID or {@code start} value without its angle brackets; null stays null. */
	public static String unbracket(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		return (trimmed.startsWith("<") && trimmed.endsWith(">")) ? trimmed.substring(1, trimmed.length() - 1)
				: trimmed;
	}

	private static int skipLineBreak(byte[] body, int at) {
		if (at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n') {
			return at + 2;
		}
		return (at < body.length && body[at] == '\n') ? at + 1 : at;
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
