package org.xtaserver.onboarding;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.xtaserver.fetch.OsciTenantFetch;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.TenantLoadReport;

/**
 * {@code xta-server onboarding-check --tenant ID [--tenants-dir DIR] [--out DIR] [--xta.*=... |
 * --spring.*=...]}: the acceptance report from the command line, without a running server. The
 * configuration is read as the server reads it ({@code application.yml} beside the jar,
 * environment, {@code --xta.*} and {@code --spring.*} arguments, the demo profile), but no
 * database, web server or fetcher starts. The test message needs the running server and is
 * reported as skipped; the management endpoint includes it.
 *
 * <p>Exit code 0 when no check failed (warnings allowed), 1 when one did, 2 on wrong usage.
 */
public final class OnboardingCommand {

	static final String USAGE = "usage: java -jar xta-server.jar onboarding-check --tenant ID [--tenants-dir DIR]"
			+ " [--out DIR] [--spring.profiles.active=... | --xta.tls.client-ca=... | other settings]";

	static final String SKIP_REASON = "not run from the command line (no running server, no database); run"
			+ " GET /actuator/onboardingcheck/TENANT on the management port of the running server to include it";

	private OnboardingCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		String tenant = null;
		Path tenantsDir = null;
		Path outDir = null;
		List<String> settings = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			String value = (i + 1 < args.length) ? args[i + 1] : null;
			switch (arg) {
				case "--tenant" -> {
					tenant = value;
					i++;
				}
				case "--tenants-dir" -> {
					tenantsDir = value == null ? null : Path.of(value);
					i++;
				}
				case "--out" -> {
					outDir = value == null ? null : Path.of(value);
					i++;
				}
				default -> {
					if (arg.startsWith("--tenant=")) {
						tenant = arg.substring("--tenant=".length());
					}
					else if (arg.startsWith("--") && arg.contains("=")) {
						settings.add(arg);
					}
					else {
						err.println("unknown argument: " + arg);
						err.println(USAGE);
						return 2;
					}
				}
			}
		}
		if (tenant == null || !TenantId.isValid(tenant)) {
			err.println(tenant == null ? "--tenant ID is required" : "not a tenant id: " + tenant);
			err.println(USAGE);
			return 2;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("logging.level.root", "warn");
		defaults.put("logging.level.org.xtaserver", "warn");
		SpringApplication application = new SpringApplication(EnvironmentOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		application.setDefaultProperties(defaults);
		try (ConfigurableApplicationContext context = application.run(settings.toArray(String[]::new))) {
			return run(TenantId.of(tenant), tenantsDir, outDir, context.getEnvironment(), Clock.systemUTC(), out, err);
		}
	}

	static int run(TenantId tenant, Path tenantsDir, Path outDir, Environment environment, Clock clock,
			PrintStream out, PrintStream err) {
		Binder binder = Binder.get(environment);
		OnboardingProperties properties = binder.bind("xta.onboarding", Bindable.of(OnboardingProperties.class))
			.orElseGet(() -> new OnboardingProperties(Path.of("data/reports"), List.of(), 30,
					java.time.Duration.ofSeconds(30)));
		Path directory = tenantsDir != null ? tenantsDir
				: Path.of(environment.getProperty("xta.tenants.directory", "config/tenants"));
		String identity = environment.getProperty("xta.server.identity", "xta-server");
		TrustAnchors anchors = TrustAnchors.load(environment.getProperty("xta.tls.client-ca"), properties.trustAnchors());
		OnboardingCheck check = new OnboardingCheck(clock, directory, OnboardingCheck.Mode.CLI, identity,
				TenantLoadReport::directory, anchors, properties.expiryWarningDays(),
				new IntermediaryCheck(clock, properties.osciTimeout(), OsciTenantFetch.overHttp(clock)),
				TestMessageCheck.skipped(clock, SKIP_REASON));
		OnboardingReport report = check.run(tenant);
		for (CheckResult c : report.checks()) {
			out.printf("%-7s %-26s %s: %s%n", c.result(), c.check(), c.subject(), c.finding());
		}
		out.println("overall: " + report.overall() + " (" + report.summary().pass() + " pass, " + report.summary().warn()
				+ " warn, " + report.summary().fail() + " fail, " + report.summary().skipped() + " skipped)");
		Path target = outDir != null ? outDir : properties.reportDirectory();
		try {
			ReportFiles.Written written = ReportFiles.write(report, target);
			out.println("report: " + written.markdown());
			out.println("report: " + written.json());
		}
		catch (IOException ex) {
			err.println("cannot write the report to " + target + ": " + ex);
			return 1;
		}
		return report.overall() == Outcome.FAIL ? 1 : 0;
	}

	/** The primary source of the command's context: no beans, only the server's configuration. */
	static final class EnvironmentOnly {
	}
}
