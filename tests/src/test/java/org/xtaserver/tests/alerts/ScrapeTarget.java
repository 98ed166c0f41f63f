package org.xtaserver.tests.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One scrape target as Prometheus sees it: its {@code /actuator/prometheus} URL and the target
 * labels that service discovery and the ServiceMonitor attach to every scraped series ({@code job},
 * {@code namespace}, {@code pod}, {@code instance}, ...). Each scrape writes the samples stamped
 * with the scrape time, a synthetic {@code up} (1 scraped, 0 failed), and staleness markers for the
 * series that went missing; a failed scrape ends all of the target's series. A scraped label that
 * clashes with a target label is kept as {@code exported_<name>} ({@code honorLabels: false}, the
 * chart's default).
 *
 * <p>Scraped by one thread at a time (the monitor's schedule).
 */
final class ScrapeTarget {

	private final URI uri;

	private final Map<String, String> targetLabels;

	private final Duration timeout;

	private final HttpClient http;

	private Set<Labels> lastScraped = Set.of();

	/**
	 * @param targetLabels the labels of every series of this target; must contain {@code job} and
	 * {@code instance}
	 */
	ScrapeTarget(URI uri, Map<String, String> targetLabels, Duration timeout) {
		if (!targetLabels.containsKey("job") || !targetLabels.containsKey("instance")) {
			throw new IllegalArgumentException("a target needs job and instance labels: " + targetLabels);
		}
		this.uri = uri;
		this.targetLabels = Map.copyOf(targetLabels);
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	Map<String, String> labels() {
		return this.targetLabels;
	}

	/**
	 * Scrapes once at {@code timeMillis} into the store.
	 * @return whether the scrape succeeded (the value of {@code up})
	 */
	boolean scrape(TimeSeriesStore store, long timeMillis) {
		String exposition;
		try {
			exposition = fetch();
		}
		catch (IOException ex) {
			exposition = null;
		}
		return ingest(exposition, store, timeMillis);
	}

	/**
	 * Stores what a scrape at {@code timeMillis} returned: {@code exposition} in the text format, or
	 * null when the target could not be scraped. Used directly by tests with hand-made expositions.
	 * @return whether the scrape counts as successful (the value of {@code up})
	 */
	boolean ingest(String exposition, TimeSeriesStore store, long timeMillis) {
		List<PrometheusText.Sample> samples = null;
		if (exposition != null) {
			try {
				samples = PrometheusText.parse(exposition);
			}
			catch (IllegalArgumentException ex) {
				// reported below as a failed scrape, like Prometheus does
			}
		}
		if (samples == null) {
			// Prometheus treats an unreachable, failing or unparsable target alike: up 0, all series end.
			this.lastScraped.forEach((series) -> store.markStale(series, timeMillis));
			this.lastScraped = Set.of();
			store.append(up(), timeMillis, 0);
			return false;
		}
		Set<Labels> scraped = new HashSet<>();
		for (PrometheusText.Sample sample : samples) {
			Labels series = withTargetLabels(sample);
			if (scraped.add(series)) {
				store.append(series, timeMillis, sample.value());
			}
		}
		for (Labels gone : this.lastScraped) {
			if (!scraped.contains(gone)) {
				store.markStale(gone, timeMillis);
			}
		}
		this.lastScraped = Set.copyOf(scraped);
		store.append(up(), timeMillis, 1);
		return true;
	}

	private Labels up() {
		return Labels.of("up", this.targetLabels);
	}

	private Labels withTargetLabels(PrometheusText.Sample sample) {
		TreeMap<String, String> labels = new TreeMap<>();
		sample.labels().forEach((name, value) -> labels.put(
				this.targetLabels.containsKey(name) ? "exported_" + name : name, value));
		labels.putAll(this.targetLabels);
		labels.put(Labels.NAME, sample.name());
		return new Labels(labels);
	}

	private String fetch() throws IOException {
		HttpRequest request = HttpRequest.newBuilder(this.uri).timeout(this.timeout).build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IOException("HTTP " + response.statusCode() + " from " + this.uri);
			}
			return response.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("scrape interrupted", ex);
		}
	}

	@Override
	public String toString() {
		return "ScrapeTarget[" + this.uri + ", " + this.targetLabels + "]";
	}
}
