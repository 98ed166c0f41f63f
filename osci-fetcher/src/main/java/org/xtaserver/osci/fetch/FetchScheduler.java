package org.xtaserver.osci.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Fetches every tenant on its own interval. A tenant's next round is planned only after its
 * current one ended, so rounds of one tenant never overlap; failures double the tenant's delay up
 * to a bound; a slow or hanging tenant holds one worker and no one else's time; at most
 * {@code concurrency} tenants are fetched at once.
 *
 * <p>{@link #dispatchDue()} does the planning; {@link #start(Duration)} calls it on a timer.
 * Tests call it directly with their own clock.
 */
public class FetchScheduler implements AutoCloseable {

	private final TenantFetch fetch;

	private final FetchLease lease;

	private final FetchListener listener;

	private final FetchSchedule schedule;

	private final Clock clock;

	private final DoubleSupplier random;

	private final String owner;

	private final ExecutorService workers;

	private final Map<String, TenantState> tenants = new ConcurrentHashMap<>();

	private ScheduledExecutorService timer;

	private ScheduledFuture<?> ticking;

	public FetchScheduler(TenantFetch fetch, FetchLease lease, FetchListener listener, FetchSchedule schedule, Clock clock,
			DoubleSupplier random, String owner) {
		this.fetch = fetch;
		this.lease = lease;
		this.listener = listener;
		this.schedule = schedule;
		this.clock = clock;
		this.random = random;
		this.owner = owner;
		this.workers = Executors.newFixedThreadPool(schedule.concurrency(), (r) -> {
			Thread t = new Thread(r, "osci-fetch");
			t.setDaemon(true);
			return t;
		});
	}

	/** Adds a tenant, or changes its interval; its first round is due after a random part of the jitter. */
	public void schedule(String tenantId, Duration interval) {
		this.tenants.compute(tenantId, (id, state) -> {
			if (state == null) {
				Instant first = this.clock.instant().plusMillis((long) (this.schedule.jitter().toMillis() * this.random.getAsDouble()));
				return new TenantState(interval, first);
			}
			state.interval = interval;
			return state;
		});
	}

	/** Removes tenants no longer configured; a round already running finishes. */
	public void retainOnly(Set<String> tenantIds) {
		this.tenants.keySet().retainAll(tenantIds);
	}

	public Set<String> scheduledTenants() {
		return Set.copyOf(this.tenants.keySet());
	}

	/** Starts every tenant whose round is due and which is not running. Returns how many started. */
	public int dispatchDue() {
		Instant now = this.clock.instant();
		int started = 0;
		for (Map.Entry<String, TenantState> entry : this.tenants.entrySet()) {
			TenantState state = entry.getValue();
			synchronized (state) {
				if (state.running || state.nextDue.isAfter(now)) {
					continue;
				}
				state.running = true;
			}
			started++;
			this.workers.execute(() -> runRound(entry.getKey(), state));
		}
		return started;
	}

	private void runRound(String tenantId, TenantState state) {
		Runnable report = null;
		try {
			report = round(tenantId, state);
		}
		finally {
			// Even an Error must not leave the tenant marked as running forever.
			synchronized (state) {
				state.running = false;
			}
		}
		// Told only once the next round is planned, so a listener sees the scheduler's final state.
		report.run();
	}

	private Runnable round(String tenantId, TenantState state) {
		Instant begin = this.clock.instant();
		try {
			if (!this.lease.tryAcquire(tenantId, this.owner, this.schedule.leaseTtl())) {
				plan(state, 0);
				return () -> this.listener.skipped(tenantId);
			}
			try {
				FetchRound round = this.fetch.fetch(tenantId);
				state.failures = 0;
				plan(state, 0);
				Duration took = Duration.between(begin, this.clock.instant());
				return () -> this.listener.succeeded(tenantId, round, took);
			}
			finally {
				this.lease.release(tenantId, this.owner);
			}
		}
		catch (Exception ex) {
			int failures = ++state.failures;
			Duration retryIn = plan(state, failures);
			Duration took = Duration.between(begin, this.clock.instant());
			return () -> this.listener.failed(tenantId, ex, took, failures, retryIn);
		}
	}

	private Duration plan(TenantState state, int failures) {
		Duration delay = this.schedule.delay(state.interval, failures, this.random.getAsDouble());
		state.nextDue = this.clock.instant().plus(delay);
		return delay;
	}

	/** Dispatches due tenants every {@code tick} until closed. */
	public synchronized void start(Duration tick) {
		if (this.timer != null) {
			return;
		}
		this.timer = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread t = new Thread(r, "osci-fetch-timer");
			t.setDaemon(true);
			return t;
		});
		this.ticking = this.timer.scheduleWithFixedDelay(this::dispatchDue, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void close() {
		if (this.ticking != null) {
			this.ticking.cancel(false);
			this.timer.shutdownNow();
		}
		this.workers.shutdownNow();
	}

	/** Whether {@code tenantId} is being fetched right now. */
	public boolean isRunning(String tenantId) {
		TenantState state = this.tenants.get(tenantId);
		if (state == null) {
			return false;
		}
		synchronized (state) {
			return state.running;
		}
	}

	/** When the tenant's next round is due. */
	public Instant nextDue(String tenantId) {
		TenantState state = this.tenants.get(tenantId);
		return state == null ? null : state.nextDue;
	}

	private static final class TenantState {

		volatile Duration interval;

		volatile Instant nextDue;

		volatile int failures;

		boolean running;

		TenantState(Duration interval, Instant nextDue) {
			this.interval = interval;
			this.nextDue = nextDue;
		}
	}
}
