package org.xtaserver.onboarding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report as Markdown (German headings, for the acceptance protocol) and JSON (English
 * keys, for machines), same content, named {@code abnahmeprotokoll-<tenant>-<UTC time>.md/.json}.
 */
final class ReportFiles {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Map<String, String> AREAS = new LinkedHashMap<>();

	static {
		AREAS.put("tenant-file", "Mandantendatei (tenant file)");
		AREAS.put(CertificateChecks.AREA, "Zertifikate (certificates)");
		AREAS.put(IntermediaryCheck.AREA, "OSCI-Intermediär (intermediary)");
		AREAS.put(PostboxChecks.AREA, "Postfächer (postboxes)");
		AREAS.put(TestMessageCheck.AREA, "Testnachricht (test message)");
	}

	/**
	 * The two files written.
	 *
	 * @param markdown the Markdown file
	 * @param json the JSON file
	 */
	record Written(Path markdown, Path json) {
	}

	private ReportFiles() {
	}

	/** File name without extension, e.g. {@code abnahmeprotokoll-musterstadt-20260301T101500Z}. */
	static String baseName(OnboardingReport report) {
		return "abnahmeprotokoll-" + report.tenant() + "-" + STAMP.format(Instant.parse(report.startedAt()));
	}

	static Written write(OnboardingReport report, Path directory) throws IOException {
		Files.createDirectories(directory);
		String base = baseName(report);
		Path markdown = directory.resolve(base + ".md");
		Path json = directory.resolve(base + ".json");
		atomically(markdown, markdown(report));
		atomically(json, json(report));
		return new Written(markdown, json);
	}

	static String json(OnboardingReport report) {
		return JSON.writeValueAsString(report) + "\n";
	}

	static String markdown(OnboardingReport r) {
		StringBuilder md = new StringBuilder();
		md.append("# Test- und Abnahmeprotokoll XTA-Server\n\n");
		md.append("*Test and acceptance report*\n\n");
		md.append("| Angabe | Wert |\n|---|---|\n");
		row(md, "Mandant (tenant)", (r.displayName() == null ? "" : r.displayName() + " ") + "`" + r.tenant() + "`");
		row(md, "Gemeindeschlüssel AGS/ARS (municipality key)", r.municipalityKey() == null ? "-" : r.municipalityKey());
		row(md, "XTA-Server (server identity)", r.serverIdentity() == null ? "-" : r.serverIdentity());
		row(md, "Ausführung (mode)", "server".equals(r.mode()) ? "im laufenden Server (server)"
				: "Kommandozeile ohne laufenden Server (cli)");
		row(md, "Beginn (started, UTC)", r.startedAt());
		row(md, "Ende (finished, UTC)", r.finishedAt());
		row(md, "**Gesamtergebnis (overall)**", "**" + r.overall() + "** (" + r.overall().german() + ")");
		row(md, "Zusammenfassung (summary)", r.summary().pass() + " PASS, " + r.summary().warn() + " WARN, "
				+ r.summary().fail() + " FAIL, " + r.summary().skipped() + " SKIPPED");
		md.append('\n');
		int section = 0;
		int number = 0;
		for (Map.Entry<String, String> area : AREAS.entrySet()) {
			List<CheckResult> checks = r.checks().stream().filter((c) -> c.area().equals(area.getKey())).toList();
			if (checks.isEmpty()) {
				continue;
			}
			md.append("## ").append(++section).append(". ").append(area.getValue()).append("\n\n");
			md.append("| Nr. | Prüfung (check) | Gegenstand (subject) | Ergebnis (result) | Befund (finding) | Zeitpunkt (UTC) |\n");
			md.append("|---|---|---|---|---|---|\n");
			for (CheckResult c : checks) {
				md.append("| ").append(++number).append(" | `").append(c.check()).append("` | ")
					.append(cell(c.subject())).append(" | **").append(c.result()).append("** | ")
					.append(cell(c.finding())).append(details(c)).append(" | ").append(c.checkedAt()).append(" |\n");
			}
			md.append('\n');
		}
		md.append("## Legende (legend)\n\n");
		for (Outcome o : Outcome.values()) {
			md.append("* **").append(o).append("**: ").append(o.german()).append('\n');
		}
		md.append("\nDie Testnachricht trägt den Betreff `").append(TestMessageCheck.SUBJECT).append("`")
			.append("server".equals(r.mode())
					? "; sie wurde abgerufen und geschlossen und wird dem Fachverfahren nicht angeboten.\n\n"
					: "; sie wird nur im laufenden Server gesendet (GET /actuator/onboardingcheck/"
							+ r.tenant() + ").\n\n");
		md.append("## Abnahme (acceptance)\n\n");
		md.append("| Rolle (role) | Name | Datum (date) | Unterschrift (signature) |\n|---|---|---|---|\n");
		md.append("| Rechenzentrum (operator) | | | |\n");
		md.append("| Kommune (municipality) | | | |\n");
		md.append("| Fachverfahren (specialist procedure) | | | |\n");
		return md.toString();
	}

	private static String details(CheckResult c) {
		StringBuilder s = new StringBuilder();
		for (String key : List.of("sha256", "messageId", "conversationId")) {
			String value = c.details().get(key);
			if (value != null) {
				s.append("<br>").append(key).append(": `").append(cell(value)).append('`');
			}
		}
		return s.toString();
	}

	private static void row(StringBuilder md, String key, String value) {
		md.append("| ").append(key).append(" | ").append(cell(value)).append(" |\n");
	}

	private static String cell(String text) {
		return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
	}

	private static void atomically(Path target, String content) throws IOException {
		Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
		Files.writeString(temp, content, StandardCharsets.UTF_8);
		Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
