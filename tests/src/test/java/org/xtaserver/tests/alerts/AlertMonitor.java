package org.xtaserver.tests.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.xtaserver.tests.alerts.RuleEvaluator.Alert;
import org.xtaserver.tests.alerts.RuleEvaluator.State;

/**
 * A miniature Prometheus for one test: on a fixed schedule it scrapes its targets into a
 * {@link TimeSeriesStore} and evaluates the alerting rules at the scrape time, keeping every
 * evaluation's alerts as history for assertions. Errors of a cycle (e.g. an expression the
 * evaluator rejects) are kept and reported instead of silently ending the schedule.
 */
final class AlertMonitor implements AutoCloseable {

	/**
	 * One cycle: the scrape and evaluation time, when the scrapes had returned, whether each
	 * target's scrape succeeded, and the alerts after the evaluation.
	 */
	record Evaluation(long timeMillis, long scrapedMillis, List<Boolean> up, List<Alert> alerts) {

		Instant time() {
			return Instant.ofEpochMilli(this.timeMillis);
		}
	}

	private final List<ScrapeTarget> targets;

	private final TimeSeriesStore store = new TimeSeriesStore();

	private final RuleEvaluator rules;

	private final Duration interval;

	private final LongSupplier clock;

	private final List<Evaluation> history = Collections.synchronizedList(new ArrayList<>());

	private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());

	private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread thread = new Thread(r, "alert-monitor");
		thread.setDaemon(true);
		return thread;
	});

	AlertMonitor(List<ScrapeTarget> targets, List<AlertingRule> rules, Duration interval) {
		this.targets = List.copyOf(targets);
		this.rules = new RuleEvaluator(rules, this.store);
		this.interval = interval;
		this.clock = System::currentTimeMillis;
	}

	/** Starts scraping and evaluating every {@code interval}. */
	AlertMonitor start() {
		this.schedule.scheduleWithFixedDelay(this::cycle, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		return this;
	}

	private void cycle() {
		try {
			long now = this.clock.getAsLong();
			List<Boolean> up = new ArrayList<>();
			for (ScrapeTarget target : this.targets) {
				up.add(target.scrape(this.store, now));
			}
			this.history.add(new Evaluation(now, this.clock.getAsLong(), List.copyOf(up), this.rules.evaluate(now)));
		}
		catch (RuntimeException | Error ex) {
			this.errors.add(ex);
		}
	}

	TimeSeriesStore store() {
		return this.store;
	}

	List<Evaluation> history() {
		synchronized (this.history) {
			return List.copyOf(this.history);
		}
	}

	List<Throwable> errors() {
		synchronized (this.errors) {
			return List.copyOf(this.errors);
		}
	}

	/** The alert named {@code name} whose labels include {@code labels} in the latest evaluation. */
	Optional<Alert> latest(String name, Map<String, String> labels) {
		List<Evaluation> all = history();
		if (all.isEmpty()) {
			return Optional.empty();
		}
		return all.get(all.size() - 1)
			.alerts()
			.stream()
			.filter((a) -> a.name().equals(name) && a.labels().contains(labels))
			.findFirst();
	}

	boolean isFiring(String name, Map<String, String> labels) {
		return latest(name, labels).filter((a) -> a.state() == State.FIRING).isPresent();
	}

	/** The first evaluation in which the alert was in {@code state}. */
	Optional<Evaluation> first(String name, Map<String, String> labels, State state) {
		return history().stream()
			.filter((e) -> e.alerts()
				.stream()
				.anyMatch((a) -> a.name().equals(name) && a.labels().contains(labels) && a.state() == state))
			.findFirst();
	}

	/** The alert as that evaluation saw it. */
	static Alert alertIn(Evaluation evaluation, String name, Map<String, String> labels) {
		return evaluation.alerts()
			.stream()
			.filter((a) -> a.name().equals(name) && a.labels().contains(labels))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no alert " + name + " " + labels + " at " + evaluation.time()));
	}

	/**
	 * The alerts pending or firing in evaluations whose scrapes had all returned before
	 * {@code millis}: those cannot have seen anything that happened from then on.
	 */
	List<Alert> activeBefore(String name, Map<String, String> labels, long millis) {
		return history().stream()
			.filter((e) -> e.scrapedMillis() < millis)
			.flatMap((e) -> e.alerts().stream())
			.filter((a) -> a.name().equals(name) && a.labels().contains(labels) && a.state() != State.INACTIVE)
			.toList();
	}

	/** The latest value of a series in the store, e.g. a scraped metric. */
	Optional<Double> value(String metric, Map<String, String> labels) {
		List<TimeSeriesStore.Matcher> matchers = new ArrayList<>();
		matchers.add(TimeSeriesStore.Matcher.of(Labels.NAME, TimeSeriesStore.Matcher.Type.EQUAL, metric));
		labels.forEach((k, v) -> matchers.add(TimeSeriesStore.Matcher.of(k, TimeSeriesStore.Matcher.Type.EQUAL, v)));
		return this.store.instant(matchers, this.clock.getAsLong()).values().stream().findFirst();
	}

	/** The alert history for failure messages: the evaluations in which up or an alert's state changed. */
	String describe() {
		StringBuilder text = new StringBuilder("alert history (changes only):\n");
		String previous = null;
		for (Evaluation e : history()) {
			String state = "up=" + e.up() + " " + e.alerts()
				.stream()
				.map((a) -> a.name() + a.labels().withoutName() + "=" + a.state())
				.sorted()
				.toList();
			if (!state.equals(previous)) {
				text.append(e.time()).append(' ').append(state).append('\n');
				previous = state;
			}
		}
		errors().forEach((ex) -> text.append("evaluation error: ").append(ex).append('\n'));
		return text.toString();
	}

	@Override
	public void close() {
		this.schedule.shutdownNow();
		try {
			this.schedule.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
