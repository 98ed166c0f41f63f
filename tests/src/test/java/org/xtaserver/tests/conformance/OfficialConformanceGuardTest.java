package org.xtaserver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/**
 * Makes the absence of the conformance tests visible. They need the official KoSIT XTA 2 V3 files
 * ({@code ../shared/xta2-v3/} next to the checkout, system property {@code xta.shared.dir}); the
 * Maven profile {@code official-conformance} then generates a client from the official WSDL and
 * compiles {@code src/conformance/java}. Without the files this test is reported as skipped with a
 * loud reason; with them it checks that the profile really took effect.
 */
class OfficialConformanceGuardTest {

	static final String CONFORMANCE_TEST = "org.xtaserver.tests.conformance.OfficialWsdlConformanceTest";

	static final String OFFICIAL_CLIENT = "official.xta.v3.ManagementPortType";

	@Test
	void conformanceTestsRunWheneverTheOfficialXtaFilesArePresent() {
		String sharedDir = System.getProperty("xta.shared.dir");
		Path wsdl = (sharedDir == null) ? null
				: Paths.get(sharedDir, "xta2-v3", "XTA.wsdl").toAbsolutePath().normalize();
		if (wsdl == null || !Files.isRegularFile(wsdl)) {
			String reason = "CONFORMANCE NOT RUN: official XTA 2 files not found at "
					+ ((wsdl == null) ? "<system property xta.shared.dir not set>" : wsdl)
					+ "; these tests run in CI where ../shared is present";
			// Surefire keeps skip reasons in its reports only; this one must be seen in the build output.
			System.err.println("\n***** " + reason + " *****\n");
			abort(reason);
		}
		assertThat(System.getProperty("xta.conformance"))
			.as("official files exist at %s, so the Maven profile official-conformance must be active", wsdl)
			.isEqualTo("active");
		assertThat(loadable(OFFICIAL_CLIENT)).as("client generated from the official WSDL on the test classpath")
			.isTrue();
		assertThat(loadable(CONFORMANCE_TEST)).as("conformance tests from src/conformance/java compiled").isTrue();
	}

	private static boolean loadable(String className) {
		try {
			Class.forName(className, false, OfficialConformanceGuardTest.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}
}
