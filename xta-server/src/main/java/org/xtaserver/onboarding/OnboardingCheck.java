package org.xtaserver.onboarding;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.xtaserver.tenancy.CertificateInventory;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantConfigProblem;
import org.xtaserver.tenant.TenantDirectory;
import org.xtaserver.tenant.TenantFiles;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.TenantLoadReport;

/**
 * Runs every check of the acceptance report for one tenant, in this order: tenant file,
 * certificates, intermediary, postboxes, test message. A check that cannot run because an earlier
 * one failed is reported as skipped with the reason, never left out.
 */
public final class OnboardingCheck {

	/** Where the check runs: decides whether the test message can be sent. */
	public enum Mode {
		/** Inside the running server (management endpoint). */
		SERVER("server"),
		/** From the command line, without a running server. */
		CLI("cli");

		final String key;

		Mode(String key) {
			this.key = key;
		}
	}

	private final Clock clock;

	private final Path tenantsDirectory;

	private final Mode mode;

	private final String serverIdentity;

	private final Function<TenantLoadReport, TenantDirectory> inForce;

	private final TrustAnchors anchors;

	private final CertificateChecks certificates;

	private final IntermediaryCheck intermediary;

	private final PostboxChecks postboxes;

	private final TestMessageCheck testMessage;

	/**
	 * @param inForce the tenant directory the server works with, given a fresh load of the folder
	 * (the command line uses the fresh load itself, the server its registry)
	 */
	OnboardingCheck(Clock clock, Path tenantsDirectory, Mode mode, String serverIdentity,
			Function<TenantLoadReport, TenantDirectory> inForce, TrustAnchors anchors, int warnDays,
			IntermediaryCheck intermediary, TestMessageCheck testMessage) {
		this.clock = clock;
		this.tenantsDirectory = tenantsDirectory;
		this.mode = mode;
		this.serverIdentity = serverIdentity;
		this.inForce = inForce;
		this.anchors = anchors;
		this.certificates = new CertificateChecks(clock, warnDays, anchors);
		this.intermediary = intermediary;
		this.postboxes = new PostboxChecks(clock);
		this.testMessage = testMessage;
	}

	/** Whether a tenant of this id has a file or is in force; the endpoint answers 404 otherwise. */
	boolean knows(TenantId id, TenantDirectory directory) {
		return tenantFile(id).isPresent() || directory.tenant(id).isPresent();
	}

	public OnboardingReport run(TenantId id) {
		Instant started = this.clock.instant();
		List<CheckResult> checks = new ArrayList<>();
		Optional<Path> file = tenantFile(id);
		TenantLoadReport load = new TenantFiles(this.clock).load(this.tenantsDirectory);
		TenantDirectory directory = this.inForce.apply(load);
		Optional<Tenant> tenant = directory.tenant(id);
		checks.add(tenantFileCheck(id, file, load, tenant.isPresent()));

		if (file.isPresent()) {
			CertificateInventory.Contents contents = CertificateInventory.read(file.get());
			if (contents.problem() != null) {
				checks.add(skipped("certificate.all", CertificateChecks.AREA, "(all)", contents.problem()));
			}
			else if (contents.entries().isEmpty()) {
				checks.add(skipped("certificate.all", CertificateChecks.AREA, "(none)",
						"the tenant file names no certificate"));
			}
			checks.addAll(this.certificates.check(contents.entries(), this.tenantsDirectory.toAbsolutePath().normalize()));
		}
		for (String problem : this.anchors.problems()) {
			checks.add(CheckResult.of("certificate.trustAnchors", CertificateChecks.AREA, "trust anchors", Outcome.WARN,
					"cannot be read, chains were checked without it: " + problem, this.clock.instant()));
		}

		if (tenant.isEmpty()) {
			String why = "tenant " + id + " is not in force, see the tenant file check";
			checks.add(skipped("intermediary.dialog", IntermediaryCheck.AREA, "(tenant)", why));
			checks.add(skipped("postbox.all", PostboxChecks.AREA, "(tenant)", why));
			checks.add(skipped("testMessage.roundTrip", TestMessageCheck.AREA, "(tenant)", why));
		}
		else {
			checks.add(this.intermediary.check(tenant.get().osci()));
			checks.addAll(this.postboxes.check(tenant.get(), directory));
			checks.addAll(this.testMessage.check(tenant.get()));
		}
		Instant finished = this.clock.instant();
		return new OnboardingReport(OnboardingReport.TITLE, id.value(), tenant.map(Tenant::displayName).orElse(null),
				tenant.map(Tenant::municipalityKey).orElse(null), this.mode.key, this.serverIdentity, started.toString(),
				finished.toString(), Outcome.overall(checks), OnboardingReport.Summary.of(checks), checks);
	}

	private CheckResult tenantFileCheck(TenantId id, Optional<Path> file, TenantLoadReport load, boolean inForce) {
		String subject = file.map((f) -> f.getFileName().toString()).orElse(id + ".yaml");
		Instant now = this.clock.instant();
		if (file.isEmpty()) {
			return CheckResult.of("tenantFile.valid", "tenant-file", subject, Outcome.FAIL,
					"no tenant file " + id + ".yaml in " + this.tenantsDirectory
							+ (inForce ? "; the tenant in force will be removed on the next reload" : ""),
					now);
		}
		List<TenantConfigProblem> problems = load.problems()
			.stream()
			.filter((p) -> p.file().getFileName() != null && p.file().getFileName().equals(file.get().getFileName()))
			.toList();
		if (!problems.isEmpty()) {
			TenantConfigProblem first = problems.get(0);
			CheckResult r = CheckResult.of("tenantFile.valid", "tenant-file", subject, Outcome.FAIL,
					problems.size() + " problem(s), first: " + (first.field().isEmpty() ? "" : first.field() + ": ")
							+ first.reason() + (inForce ? " (the last good version stays in force)" : ""),
					now);
			for (int i = 0; i < problems.size(); i++) {
				TenantConfigProblem p = problems.get(i);
				r = r.with("problem" + (i + 1), (p.field().isEmpty() ? "" : p.field() + ": ") + p.reason());
			}
			return r;
		}
		if (!inForce) {
			return CheckResult.of("tenantFile.valid", "tenant-file", subject, Outcome.WARN,
					"file is valid but not in force yet; run the check again after xta.tenants.reload-interval", now);
		}
		return CheckResult.of("tenantFile.valid", "tenant-file", subject, Outcome.PASS, "valid and in force", now);
	}

	private Optional<Path> tenantFile(TenantId id) {
		return CertificateInventory.tenantFile(this.tenantsDirectory, id);
	}

	private CheckResult skipped(String check, String area, String subject, String why) {
		return CheckResult.of(check, area, subject, Outcome.SKIPPED, why, this.clock.instant());
	}
}
