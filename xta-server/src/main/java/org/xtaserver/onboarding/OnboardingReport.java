package org.xtaserver.onboarding;

import java.util.List;

/**
 * The acceptance report of one tenant: every check with its result, one-line finding and time.
 * Serialised as JSON (English keys) and rendered as Markdown (German headings) with the same
 * content.
 *
 * @param title what the document is
 * @param tenant the tenant id
 * @param displayName the tenant's name, when its file could be read
 * @param municipalityKey AGS/ARS, when configured
 * @param mode {@code server} (run inside the running server, test message included) or
 * {@code cli} (run without a server)
 * @param serverIdentity {@code xta.server.identity}
 * @param startedAt when the first check started (ISO-8601, UTC)
 * @param finishedAt when the last check ended
 * @param overall FAIL if any check failed, else WARN if any warned, else PASS
 * @param summary how many checks had which result
 * @param checks every check, in the order they ran
 */
public record OnboardingReport(String title, String tenant, String displayName, String municipalityKey, String mode,
		String serverIdentity, String startedAt, String finishedAt, Outcome overall, Summary summary,
		List<CheckResult> checks) {

	public static final String TITLE = "Test- und Abnahmeprotokoll / Test and acceptance report";

	public OnboardingReport {
		checks = List.copyOf(checks);
	}

	/**
	 * Counts per result.
	 *
	 * @param pass passed checks
	 * @param warn checks with a warning
	 * @param fail failed checks
	 * @param skipped checks not run, with the reason in their finding
	 */
	public record Summary(int pass, int warn, int fail, int skipped) {

		static Summary of(List<CheckResult> checks) {
			int[] n = new int[Outcome.values().length];
			checks.forEach((c) -> n[c.result().ordinal()]++);
			return new Summary(n[Outcome.PASS.ordinal()], n[Outcome.WARN.ordinal()], n[Outcome.FAIL.ordinal()],
					n[Outcome.SKIPPED.ordinal()]);
		}
	}
}
