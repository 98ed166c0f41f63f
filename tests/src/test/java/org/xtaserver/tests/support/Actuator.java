package org.xtaserver.tests.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the management port: the audit trail and Prometheus metrics. */
public final class Actuator {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Actuator() {
	}

	/** {@code GET /actuator/audit?tenant=..&messageId=..&limit=1000}, newest first. */
	public static List<JsonNode> audit(XtaServer server, String tenant, String messageId) {
		StringBuilder query = new StringBuilder("audit?limit=1000");
		if (tenant != null) {
			query.append("&tenant=").append(URLEncoder.encode(tenant, StandardCharsets.UTF_8));
		}
		if (messageId != null) {
			query.append("&messageId=").append(URLEncoder.encode(messageId, StandardCharsets.UTF_8));
		}
		JsonNode root = JsonMapper.builder().build().readTree(get(server.actuator(query.toString())));
		List<JsonNode> events = new ArrayList<>();
		root.forEach(events::add);
		return events;
	}

	/**
	 * The value of a Prometheus sample, e.g. {@code xta_access_denied_total} with labels
	 * {@code operation=getMessage}; 0 when absent. Labels not given are summed over.
	 */
	public static double metric(XtaServer server, String name, Map<String, String> labels) {
		return sum(get(server.actuator("prometheus")), name, labels).orElse(0);
	}

	/**
	 * The sum of the samples of {@code name} with these labels in a Prometheus text exposition
	 * (labels not given are summed over); empty when there is no such sample.
	 */
	public static OptionalDouble sum(String exposition, String name, Map<String, String> labels) {
		double sum = 0;
		boolean found = false;
		for (String line : exposition.lines().toList()) {
			if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
				continue;
			}
			boolean matches = labels.entrySet()
				.stream()
				.allMatch((e) -> line.contains(e.getKey() + "=\"" + e.getValue() + "\""));
			if (matches) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				found = true;
			}
		}
		return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
	}

	/** {@code GET /actuator/health/<component>} as JSON (status and details). */
	public static JsonNode health(XtaServer server, String component) {
		return JsonMapper.builder().build().readTree(get(server.actuator("health/" + component)));
	}

	/** Whether readiness is UP. */
	public static boolean ready(XtaServer server) {
		try {
			return get(server.actuator("health/readiness")).contains("\"UP\"");
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private static String get(URI uri) {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + uri + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
