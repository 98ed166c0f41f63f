package org.xtaserver.osci.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FetchSchedulerTests {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T08:00:00Z"));

	private final RecordingListener listener = new RecordingListener();

	private FetchScheduler scheduler;

	@AfterEach
	void close() {
		if (this.scheduler != null) {
			this.scheduler.close();
		}
	}

	@Test
	void failingTenantBacksOffDoublingUpToTheBoundWhileOthersKeepTheirInterval() throws Exception {
		this.scheduler = scheduler((tenant) -> {
			if (tenant.equals("broken")) {
				throw new IllegalStateException("intermediary down");
			}
			return new FetchRound(1, 0);
		}, FetchLease.local(), 1);
		this.scheduler.schedule("broken", INTERVAL);
		this.scheduler.schedule("healthy", INTERVAL);

		Instant begin = this.clock.instant();
		while (this.listener.failures.size() < 5) {
			this.clock.advance(Duration.ofSeconds(15));
			this.listener.awaitRounds(this.scheduler.dispatchDue());
		}
		List<Duration> retries = this.listener.failures.stream().map(Failure::retryIn).toList();
		long[] expectedMinutes = { 2, 4, 8, 10, 10 };
		for (int i = 0; i < 5; i++) {
			Duration base = Duration.ofMinutes(expectedMinutes[i]);
			assertThat(retries.get(i)).as("retry after failure %d", i + 1)
				.isBetween(base, base.plusSeconds(30));
		}
		long minutes = Duration.between(begin, this.clock.instant()).toMinutes();
		assertThat(this.listener.successes.get("healthy")).as("healthy rounds in %d minutes", minutes)
			.isGreaterThanOrEqualTo((int) (minutes * 2 / 3));
	}

	@Test
	void aHangingTenantDelaysNoOtherAndItsRoundsNeverOverlap() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch slowStarted = new CountDownLatch(1);
		AtomicInteger hangingCalls = new AtomicInteger();
		this.scheduler = scheduler((tenant) -> {
			if (tenant.equals("slow")) {
				hangingCalls.incrementAndGet();
				slowStarted.countDown();
				release.await(30, TimeUnit.SECONDS);
			}
			return new FetchRound(0, 0);
		}, FetchLease.local(), 2);
		this.scheduler.schedule("slow", INTERVAL);
		this.scheduler.schedule("fast", INTERVAL);

		for (int round = 0; round < 3; round++) {
			this.clock.advance(Duration.ofMinutes(2));
			this.scheduler.dispatchDue();
			this.listener.awaitSuccesses("fast", round + 1);
			if (round == 0) {
				// The later rounds must find the slow tenant's first round under way, not merely dispatched.
				assertThat(slowStarted.await(30, TimeUnit.SECONDS)).as("the slow tenant's first round started").isTrue();
			}
		}
		assertThat(this.scheduler.isRunning("slow")).isTrue();
		assertThat(hangingCalls).hasValue(1);
		release.countDown();
		this.listener.awaitSuccesses("slow", 1);
	}

	@Test
	void noMoreThanTheConfiguredNumberOfTenantsAreFetchedAtOnce() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		Semaphore gate = new Semaphore(0);
		this.scheduler = scheduler((tenant) -> {
			peak.accumulateAndGet(running.incrementAndGet(), Math::max);
			gate.acquire();
			running.decrementAndGet();
			return new FetchRound(0, 0);
		}, FetchLease.local(), 3);
		IntStream.range(0, 10).forEach((i) -> this.scheduler.schedule("t" + i, INTERVAL));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.scheduler.dispatchDue()).isEqualTo(10);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (running.get() < 3 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		gate.release(10);
		this.listener.awaitRounds(10);
		assertThat(peak.get()).isEqualTo(3);
	}

	@Test
	void aTenantLeasedByAnotherInstanceIsSkipped() throws Exception {
		AtomicInteger fetched = new AtomicInteger();
		FetchLease othersHoldIt = new FetchLease() {
			@Override
			public boolean tryAcquire(String tenantId, String owner, Duration ttl) {
				return !tenantId.equals("taken");
			}

			@Override
			public void release(String tenantId, String owner) {
			}
		};
		this.scheduler = scheduler((tenant) -> {
			fetched.incrementAndGet();
			return new FetchRound(0, 0);
		}, othersHoldIt, 2);
		this.scheduler.schedule("taken", INTERVAL);
		this.scheduler.schedule("mine", INTERVAL);
		this.clock.advance(Duration.ofMinutes(1));
		this.scheduler.dispatchDue();
		this.listener.awaitRounds(2);
		assertThat(this.listener.skipped).containsExactly("taken");
		assertThat(fetched).hasValue(1);
	}

	@Test
	void twoHundredTenantsStartSpreadOverTheJitter() {
		this.scheduler = scheduler((tenant) -> new FetchRound(0, 0), FetchLease.local(), 4);
		IntStream.range(0, 200).forEach((i) -> this.scheduler.schedule("t" + i, INTERVAL));
		Set<Instant> firstRounds = new java.util.HashSet<>();
		IntStream.range(0, 200).forEach((i) -> firstRounds.add(this.scheduler.nextDue("t" + i)));
		assertThat(this.scheduler.scheduledTenants()).hasSize(200);
		assertThat(firstRounds).hasSizeGreaterThan(100)
			.allMatch((t) -> !t.isAfter(this.clock.instant().plus(Duration.ofSeconds(30))));
	}

	private FetchScheduler scheduler(TenantFetch fetch, FetchLease lease, int concurrency) {
		return new FetchScheduler(fetch, lease, this.listener,
				new FetchSchedule(Duration.ofSeconds(30), Duration.ofMinutes(10), concurrency, Duration.ofMinutes(2)),
				this.clock, new java.util.Random(42)::nextDouble, "test-instance");
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	record Failure(String tenant, Duration retryIn) {
	}

	static final class RecordingListener implements FetchListener {

		final Map<String, Integer> successes = new ConcurrentHashMap<>();

		final List<Failure> failures = new CopyOnWriteArrayList<>();

		final List<String> skipped = new CopyOnWriteArrayList<>();

		private final Semaphore rounds = new Semaphore(0);

		@Override
		public void succeeded(String tenantId, FetchRound round, Duration took) {
			this.successes.merge(tenantId, 1, Integer::sum);
			this.rounds.release();
		}

		@Override
		public void failed(String tenantId, Exception cause, Duration took, int consecutiveFailures, Duration retryIn) {
			this.failures.add(new Failure(tenantId, retryIn));
			this.rounds.release();
		}

		@Override
		public void skipped(String tenantId) {
			this.skipped.add(tenantId);
			this.rounds.release();
		}

		void awaitRounds(int n) throws InterruptedException {
			assertThat(this.rounds.tryAcquire(n, 30, TimeUnit.SECONDS)).as("%d rounds finished", n).isTrue();
		}

		void awaitSuccesses(String tenant, int n) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (this.successes.getOrDefault(tenant, 0) < n) {
				assertThat(System.nanoTime()).as("%s reached %d successful rounds", tenant, n).isLessThan(deadline);
				this.rounds.tryAcquire(100, TimeUnit.MILLISECONDS);
			}
		}
	}

	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration d) {
			this.now = this.now.plus(d);
		}

		void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}
	}
}
