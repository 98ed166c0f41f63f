package org.xtaserver.tests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

/**
 * Sends hand-written HTTP requests (raw SOAP envelopes, MTOM bodies, anything) to an XTA port over
 * mutual TLS as a demo identity, with {@link HttpClient}: for inputs no generated client would
 * produce.
 */
public final class RawSoap {

	public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

	public static final String WSA = "http://www.w3.org/2005/08/addressing";

	public static final String OSCI_META = "http://www.osci.eu/ws/2014/10/transport";

	public static final String OSCI = "http://www.osci.eu/ws/2008/05/transport";

	public static final String XTA = "http://xoev.de/transport/xta/211";

	/** WS-Addressing actions of the WSDL. */
	public static final String ACTION_PREFIX = "http://www.xta.de/XTA/";

	private static final Pattern DETAIL = Pattern
		.compile("<(?:[A-Za-z0-9_.-]+:)?Detail\\b[^>]*>\\s*<(?:[A-Za-z0-9_.-]+:)?([A-Za-z0-9_.-]+)");

	private static final Pattern ERROR_CODE = Pattern
		.compile("<(?:[A-Za-z0-9_.-]+:)?ErrorCode\\b[^>]*>.*?<code>([^<]*)</code>", Pattern.DOTALL);

	private static final Pattern CODE = Pattern
		.compile("<(?:[A-Za-z0-9_.-]+:)?Code\\b[^>]*>\\s*<(?:[A-Za-z0-9_.-]+:)?Value\\b[^>]*>\\s*(?:[A-Za-z0-9_.-]+:)?([A-Za-z0-9_.-]+)");

	private static final Pattern REASON = Pattern.compile("<(?:[A-Za-z0-9_.-]+:)?Text\\b[^>]*>([^<]*)<");

	private final XtaServer server;

	private final HttpClient client;

	public RawSoap(XtaServer server, DemoIdentity identity) {
		this(server, Tls.keyManagers(identity));
	}

	/** A client with any key material, e.g. a certificate the test issued itself. */
	public RawSoap(XtaServer server, javax.net.ssl.KeyManager[] keyManagers) {
		this.server = Objects.requireNonNull(server);
		SSLContext context = Tls.context(keyManagers, Tls.trustManagers(server.caCertificate()));
		this.client = HttpClient.newBuilder()
			.sslContext(context)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** POSTs {@code body} with {@code contentType} (none if null) to {@code port}. */
	public Response post(XtaPort port, String contentType, byte[] body) {
		return send("POST", port, contentType, body);
	}

	/** Any method; {@code body} may be null for none. */
	public Response send(String method, XtaPort port, String contentType, byte[] body) {
		return send(method, port, contentType, body, java.util.Map.of());
	}

	/** Any method, with extra HTTP headers. */
	public Response send(String method, XtaPort port, String contentType, byte[] body,
			java.util.Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.server.address(port)))
			.timeout(Duration.ofSeconds(60))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + port + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** The SOAP 1.2 Content-Type with an action parameter. */
	public static String soap12(String action) {
		return "application/soap+xml; charset=utf-8; action=\"" + action + "\"";
	}

	/**
	 * A SOAP 1.2 envelope with WS-Addressing headers for {@code operation} (e.g. {@code GetMessage}),
	 * an optional Author header and the body content.
	 */
	public static String envelope(String operation, XtaPort port, String author, String body) {
		return "<s:Envelope xmlns:s=\"" + SOAP12 + "\" xmlns:a=\"" + WSA + "\" xmlns:m=\"" + OSCI_META
				+ "\" xmlns:o=\"" + OSCI + "\" xmlns:x=\"" + XTA + "\"><s:Header><a:Action>" + ACTION_PREFIX + operation
				+ "</a:Action><a:MessageID>urn:uuid:" + java.util.UUID.randomUUID() + "</a:MessageID><a:To>https://localhost"
				+ port.path() + "</a:To>" + (author == null ? "" : author(author)) + "</s:Header><s:Body>" + body
				+ "</s:Body></s:Envelope>";
	}

	/** The {@code m:Author} header naming a party of type {@code xoev}. */
	public static String author(String partyValue) {
		return "<m:Author><m:Identifier type=\"xoev\">" + partyValue + "</m:Identifier></m:Author>";
	}

	/** An HTTP answer, with what the tests read from a SOAP fault. */
	public record Response(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {

		/** The body as text; a UTF-16 answer (CXF answers in the request's charset) read as ASCII. */
		public String text() {
			return new String(this.body, StandardCharsets.UTF_8).replace("\0", "");
		}

		/** Local part of the SOAP fault code ({@code Sender}, {@code Receiver}, ...), or null. */
		public String faultCode() {
			Matcher m = CODE.matcher(text());
			return m.find() ? m.group(1) : null;
		}

		public boolean isFault() {
			return text().contains("Fault>") && text().contains(SOAP12);
		}

		/** Local name of the first element in the fault's Detail (the XTA fault type), or null. */
		public String faultDetail() {
			Matcher m = DETAIL.matcher(text());
			return m.find() ? m.group(1) : null;
		}

		/** The XTA errorCode's code, or null. */
		public String errorCode() {
			Matcher m = ERROR_CODE.matcher(text());
			return m.find() ? m.group(1).trim() : null;
		}

		public String faultReason() {
			Matcher m = REASON.matcher(text());
			return m.find() ? m.group(1) : null;
		}

		@Override
		public String toString() {
			String t = text();
			return "HTTP " + this.status + " " + this.contentType + "\n"
					+ (t.length() > 1500 ? t.substring(0, 1500) + "..." : t);
		}
	}
}
