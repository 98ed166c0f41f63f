package org.xtaserver.onboarding;

/** The result of one check. */
public enum Outcome {

	/** The check passed. */
	PASS("bestanden"),
	/** Works, but needs attention before or soon after going live. */
	WARN("Hinweis"),
	/** Does not work as configured. */
	FAIL("nicht bestanden"),
	/** Not checked here; the finding says why. */
	SKIPPED("nicht geprüft");

	private final String german;

	Outcome(String german) {
		this.german = german;
	}

	/** The German term used in the Markdown report. */
	public String german() {
		return this.german;
	}

	/** The overall result of several checks: FAIL before WARN before PASS; skipped checks are neutral. */
	static Outcome overall(Iterable<CheckResult> results) {
		Outcome overall = PASS;
		for (CheckResult r : results) {
			if (r.result() == FAIL) {
				return FAIL;
			}
			if (r.result() == WARN) {
				overall = WARN;
			}
		}
		return overall;
	}
}
