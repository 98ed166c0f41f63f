package org.xtaserver.tests.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness refuses to run without a packaged server and says how to get one. */
class XtaServerTest {

	@Test
	void aMissingServerJarFailsWithTheBuildCommand(@TempDir Path folder) {
		Path missing = folder.resolve("xta-server.jar");

		assertThatThrownBy(() -> XtaServer.builder("no-jar").serversDirectory(folder).jar(missing).build())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("XTA server jar not found: " + missing)
			.hasMessageContaining("mvn -B -DskipTests package");
	}

	@Test
	void aFileThatIsNoRunnableJarIsRefusedBeforeAnyStart(@TempDir Path folder) throws Exception {
		Path placeholder = Files.writeString(folder.resolve("xta-server.jar"), "not a jar at all");

		assertThatThrownBy(() -> XtaServer.builder("bad-jar").serversDirectory(folder).jar(placeholder).build())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("is not a runnable jar")
			.hasMessageContaining("mvn -B -DskipTests package");
	}
}
