package org.xtaserver.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads what the tests need from the demo tenant files ({@code data/demo/tenants/*.yaml}): the
 * services a postbox offers (for lookupService and for the Qualifier/Service of test messages).
 */
public final class DemoTenants {

	private DemoTenants() {
	}

	/** The services offered by the postbox of {@code party}, in file order; empty if none. */
	public static List<String> servicesOf(XtaServer server, DemoIdentity.Party party) {
		List<String> services = new ArrayList<>();
		for (JsonNode tenant : tenantFiles(server)) {
			for (JsonNode postbox : tenant.path("postboxes")) {
				JsonNode id = postbox.path("identifier");
				if (party.type().equals(id.path("type").asString(null))
						&& party.value().equals(id.path("value").asString(null))) {
					for (JsonNode service : postbox.path("services")) {
						String name = service.path("service").asString(null);
						if (name != null) {
							services.add(name);
						}
					}
				}
			}
		}
		return services;
	}

	/**
	 * The first service of the postbox of {@code party}.
	 * @throws IllegalStateException naming the folder when the demo offers none
	 */
	public static String serviceOf(XtaServer server, DemoIdentity.Party party) {
		return servicesOf(server, party).stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no demo tenant file in " + server.tenantsDirectory()
					+ " offers a service for the postbox " + party));
	}

	private static List<JsonNode> tenantFiles(XtaServer server) {
		Path directory = server.tenantsDirectory();
		if (!Files.isDirectory(directory)) {
			throw new IllegalStateException("the demo wrote no tenant folder " + directory);
		}
		YAMLMapper yaml = YAMLMapper.builder().build();
		try (Stream<Path> files = Files.list(directory)) {
			List<JsonNode> tenants = new ArrayList<>();
			for (Path file : files.filter((f) -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
				tenants.add(yaml.readTree(Files.readString(file)));
			}
			return tenants;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read tenant files in " + directory, ex);
		}
	}
}
