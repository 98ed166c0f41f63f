package org.xtaserver.onboarding;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the acceptance report.
 *
 * @param check stable key of the check, e.g. {@code certificate.validity}
 * @param area what is checked: {@code tenant-file}, {@code certificate}, {@code intermediary},
 * {@code postbox} or {@code test-message}
 * @param subject the object checked, e.g. {@code osci.certificate (osci/musterstadt.crt)}
 * @param result the outcome
 * @param finding one line saying what was found
 * @param checkedAt when the check ran (ISO-8601, UTC)
 * @param details machine-readable facts (fingerprints, dates, counts); never secrets or payload
 */
public record CheckResult(String check, String area, String subject, Outcome result, String finding,
		String checkedAt, Map<String, String> details) {

	public CheckResult {
		Objects.requireNonNull(check, "check");
		Objects.requireNonNull(area, "area");
		Objects.requireNonNull(result, "result");
		Objects.requireNonNull(finding, "finding");
		details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	static CheckResult of(String check, String area, String subject, Outcome result, String finding, Instant at) {
		return new CheckResult(check, area, subject, result, oneLine(finding), at.toString(), Map.of());
	}

	CheckResult with(String key, Object value) {
		if (value == null) {
			return this;
		}
		Map<String, String> more = new LinkedHashMap<>(this.details);
		more.put(key, String.valueOf(value));
		return new CheckResult(this.check, this.area, this.subject, this.result, this.finding, this.checkedAt, more);
	}

	/** Findings are one line in the table; exception texts sometimes are not. */
	static String oneLine(String text) {
		if (text == null) {
			return "";
		}
		String flat = text.replaceAll("\\s+", " ").strip();
		return flat.length() <= 400 ? flat : flat.substring(0, 400) + "...";
	}
}
