package org.xtaserver.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.xtaserver.security.Caller;
import org.xtaserver.tenant.TenantFiles;
import org.xtaserver.tenant.TenantRegistry;

/** Tenant registries for service tests: one tenant per caller, its postbox the caller's party. */
public final class TestTenants {

	/** The service every test postbox offers. */
	public static final String SERVICE = "urn:test:service";

	private TestTenants() {
	}

	/** Writes a tenant file per caller into {@code folder} and loads them; fails on any problem. */
	public static TenantRegistry registry(Path folder, Clock clock, Caller... callers) throws IOException {
		for (Caller caller : callers) {
			Files.writeString(folder.resolve(caller.tenant().value() + ".yaml"), """
					id: %s
					displayName: Tenant %s
					postboxes:
					  - identifier: { type: %s, category: Sozialamt, name: Sozialamt, value: "%s" }
					    services:
					      - service: "%s"
					""".formatted(caller.tenant().value(), caller.tenant().value(), caller.party().type(),
					caller.party().value(), SERVICE));
		}
		TenantRegistry registry = new TenantRegistry(folder, new TenantFiles(clock));
		assertThat(registry.reload().problems()).as("problems of the test tenants").isEmpty();
		return registry;
	}
}
