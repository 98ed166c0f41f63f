package org.xtaserver.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime image recipe at the repository root. There is no container engine in the build, so
 * this checks the recipe's text against what the chart relies on.
 */
class DockerfileTests {

	private static List<String> instructions;

	@BeforeAll
	static void read() throws IOException {
		Path dockerfile = Path.of(System.getProperty("dockerfile.path", "../Dockerfile"));
		instructions = Files.readAllLines(dockerfile)
			.stream()
			.map(String::strip)
			.filter((l) -> !l.isEmpty() && !l.startsWith("#"))
			.toList();
	}

	@Test
	void startsFromTheJava17Runtime() {
		assertThat(instructions).filteredOn((l) -> l.startsWith("FROM ")).singleElement().asString()
			.startsWith("FROM eclipse-temurin:17-jre");
	}

	@Test
	void copiesTheServerJarBuiltByMaven() {
		assertThat(instructions).anyMatch((l) -> l.startsWith("COPY") && l.contains("xta-server/target/xta-server.jar"));
	}

	@Test
	void runsAsTheNonRootUserThatTheChartExpects() {
		assertThat(instructions).filteredOn((l) -> l.startsWith("USER ")).last().asString().isEqualTo("USER 10001:10001");
	}

	@Test
	void workingDirectoryAndPortsMatchTheChart() {
		assertThat(instructions).contains("WORKDIR /opt/xta");
		assertThat(instructions).anyMatch((l) -> l.startsWith("EXPOSE") && l.contains("8443") && l.contains("8081"));
		assertThat(instructions).anyMatch((l) -> l.contains("JAVA_TOOL_OPTIONS") && l.contains("MaxRAMPercentage"));
		assertThat(instructions).anyMatch((l) -> l.startsWith("ENTRYPOINT") && l.contains("xta-server.jar"));
	}
}
