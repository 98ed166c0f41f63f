package org.xtaserver.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code helm lint --strict}. Note that Helm's lint mode turns {@code fail} into an INFO line, so
 * the default values (which deliberately do not render, see ValuesValidationTests) lint clean.
 */
class ChartLintTests {

	static List<Path> scenarios() {
		return HelmChart.scenarios();
	}

	@Test
	void chartPassesStrictLintWithItsDefaults() {
		assertClean(HelmChart.lint());
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void chartPassesStrictLintWithEachScenario(Path scenario, @TempDir Path workDir) throws IOException {
		assertClean(HelmChart.lint(scenario, workDir));
	}

	private static void assertClean(LintResult result) {
		assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
		assertThat(result.getMessages()).noneMatch((m) -> m.contains("[ERROR]") || m.contains("[WARNING]"));
	}
}
