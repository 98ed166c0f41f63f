package org.xtaserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtaserver.tenant.demo.DemoEnvironment;

class TenantsCommandTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void validFolderExitsWithZero(@TempDir Path root) throws Exception {
		Path tenants = new DemoEnvironment(Clock.systemUTC()).ensure(root).tenantsDirectory();
		assertThat(run("tenants", "check", tenants.toString())).isZero();
	}

	@Test
	void brokenFileExitsWithOneAndNamesFileAndField(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("kaputt.yaml"), "id: kaputt\ndisplayName: Kaputt\nunknownField: 1\n");
		assertThat(run("tenants", "check", dir.toString())).isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("kaputt.yaml").contains("unknownField");
	}

	@Test
	void wrongUsageExitsWithTwo() {
		assertThat(run("tenants", "list")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("usage");
	}

	private int run(String... args) {
		return TenantsCommand.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}
}
