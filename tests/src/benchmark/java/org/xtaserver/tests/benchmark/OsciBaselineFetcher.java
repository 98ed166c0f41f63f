package org.xtaserver.tests.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.xtaserver.osci.client.Osci12PostboxClient;
import org.xtaserver.osci.client.OsciClientConfig;
import org.xtaserver.osci.client.OsciPostboxClient;
import org.xtaserver.osci.crypto.TransportCrypto;
import org.xtaserver.osci.message.ProcessCard;
import org.xtaserver.osci.message.ProcessCardSelection;
import org.xtaserver.osci.simulator.OsciSimulator;

/**
 * The baseline of the OSCI fetch benchmark: the simulator's own serving rate. Runs in the
 * benchmark JVM the dialog the server's fetcher runs for each tenant (osci-fetcher's
 * {@link Osci12PostboxClient}, one dialog per tenant: InitDialog, the listing of waiting and of
 * recently modified process cards, FetchDelivery for each card, ExitDialog), with the same number
 * of tenants in parallel as the server's fetcher, and stores nothing.
 */
final class OsciBaselineFetcher {

	/** The server's defaults (xta.osci.list-limit, reconcile-window, request-timeout). */
	private static final int LIST_LIMIT = 100;

	private static final Duration RECONCILE_WINDOW = Duration.ofDays(2);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private final OsciSimulator simulator;

	private final int concurrency;

	private final Clock clock = Clock.systemUTC();

	OsciBaselineFetcher(OsciSimulator simulator, int concurrency) {
		this.simulator = simulator;
		this.concurrency = concurrency;
	}

	/**
	 * What one run fetched.
	 * @param fetched {@code tenant id + " " + OSCI message id} of every delivery fetched
	 * @param firstNanos {@link System#nanoTime()} when the first delivery had arrived
	 * @param lastNanos when the last one had arrived
	 * @param wallNanos from the start of the first dialog to the end of the last
	 * @param failures dialogs that ended with an exception
	 */
	record Run(Set<String> fetched, long firstNanos, long lastNanos, long wallNanos, List<String> failures) {

		/** Deliveries per second between the first and the last arrival, as the server's rate is measured. */
		double rate() {
			long span = this.lastNanos - this.firstNanos;
			return (this.fetched.size() < 2 || span <= 0) ? 0 : (this.fetched.size() - 1) / (span / 1e9);
		}
	}

	/** One dialog per tenant, {@code concurrency} at a time; returns when all have ended. */
	Run fetchAll(List<OsciBenchmarkTenants.Tenant> tenants) throws InterruptedException {
		Set<String> fetched = ConcurrentHashMap.newKeySet();
		AtomicLong first = new AtomicLong(Long.MAX_VALUE);
		AtomicLong last = new AtomicLong(Long.MIN_VALUE);
		List<String> failures = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(this.concurrency);
		long start = System.nanoTime();
		try {
			List<Future<?>> rounds = new ArrayList<>();
			for (OsciBenchmarkTenants.Tenant tenant : tenants) {
				rounds.add(pool.submit(() -> {
					round(tenant, (messageId) -> {
						long now = System.nanoTime();
						first.accumulateAndGet(now, Math::min);
						last.accumulateAndGet(now, Math::max);
						fetched.add(tenant.id() + " " + messageId);
					});
					return null;
				}));
			}
			for (Future<?> round : rounds) {
				try {
					round.get();
				}
				catch (ExecutionException ex) {
					failures.add(String.valueOf(ex.getCause()));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		return new Run(Set.copyOf(fetched), first.get(), last.get(), System.nanoTime() - start, failures);
	}

	private void round(OsciBenchmarkTenants.Tenant tenant, java.util.function.Consumer<String> arrived) {
		OsciClientConfig config = new OsciClientConfig(tenant.osci(), tenant.osci(), this.simulator.uri(),
				this.simulator.signatureCertificate(), this.simulator.cipherCertificate(), REQUEST_TIMEOUT,
				TransportCrypto.Algorithms.GOVERNIKUS);
		try (OsciPostboxClient client = Osci12PostboxClient.overHttp(config, this.clock)) {
			client.openDialog();
			Map<String, ProcessCard> cards = new LinkedHashMap<>();
			client.listProcessCards(ProcessCardSelection.pendingForAddressee(LIST_LIMIT))
				.forEach((c) -> cards.put(c.messageId().wire(), c));
			client.listProcessCards(ProcessCardSelection.modifiedSince(
					this.clock.instant().minus(RECONCILE_WINDOW).atOffset(ZoneOffset.UTC), LIST_LIMIT))
				.forEach((c) -> cards.putIfAbsent(c.messageId().wire(), c));
			for (ProcessCard card : cards.values()) {
				if (card.reception() != null) {
					// Received in an earlier dialog: the server skips it too (it is stored already).
					continue;
				}
				client.fetchDelivery(card.messageId());
				arrived.accept(card.messageId().wire());
			}
		}
	}

}
