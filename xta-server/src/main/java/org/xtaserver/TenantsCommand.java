package org.xtaserver;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import org.xtaserver.tenant.TenantCheck;

/**
 * {@code xta-server tenants check DIR}: validates a folder of tenant files without starting the
 * server, for operators' CI pipelines. Exit code 0 when every file is valid, 1 otherwise, 2 on
 * wrong usage.
 */
final class TenantsCommand {

	private TenantsCommand() {
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 3 || !"check".equals(args[1])) {
			err.println("usage: java -jar xta-server.jar tenants check DIR");
			return 2;
		}
		return new TenantCheck(Clock.systemUTC()).run(Path.of(args[2]), out);
	}
}
