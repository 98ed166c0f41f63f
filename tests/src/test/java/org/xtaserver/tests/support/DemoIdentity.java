package org.xtaserver.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client identity the server created in demo mode ({@code data/demo/identities.json}): the
 * certificate files of a specialist procedure and the XTA party it acts as (its own postbox).
 *
 * @param name short name of the identity
 * @param certificate PEM certificate, absolute
 * @param privateKey PEM private key, absolute
 * @param keyStore PKCS#12 key store with key and certificate, absolute; password {@link #PASSWORD}
 * @param party the party identifier the identity may act as and whose postbox it reads
 */
public record DemoIdentity(String name, Path certificate, Path privateKey, Path keyStore, Party party) {

	/** Password of every demo PKCS#12 file. */
	public static final String PASSWORD = "demo";

	public DemoIdentity {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(keyStore, "p12");
		Objects.requireNonNull(party, "identifier");
	}

	/**
	 * An XTA party identifier ({@code oscimeta:Identifier} with its attributes).
	 *
	 * @param type identifier type, e.g. {@code xoev}
	 * @param category optional category
	 * @param name optional display name
	 * @param value the identifier itself
	 */
	public record Party(String type, String category, String name, String value) {

		public Party {
			Objects.requireNonNull(type, "identifier.type");
			Objects.requireNonNull(value, "identifier.value");
		}
	}

	/**
	 * Reads {@code identities.json}; its file paths are relative to the server's working directory.
	 */
	static List<DemoIdentity> read(Path identitiesJson, Path workingDirectory) {
		JsonNode root;
		try {
			root = JsonMapper.builder().build().readTree(Files.readString(identitiesJson));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + identitiesJson, ex);
		}
		if (!root.isArray()) {
			throw new IllegalStateException(identitiesJson + " is not a JSON list: " + root);
		}
		List<DemoIdentity> identities = new ArrayList<>();
		for (JsonNode node : root) {
			JsonNode id = node.path("identifier");
			identities.add(new DemoIdentity(text(node, "name"), path(node, "cert", workingDirectory),
					path(node, "key", workingDirectory), path(node, "p12", workingDirectory),
					new Party(text(id, "type"), text(id, "category"), text(id, "name"), text(id, "value"))));
		}
		return List.copyOf(identities);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static Path path(JsonNode node, String field, Path workingDirectory) {
		String value = text(node, field);
		return (value == null) ? null : workingDirectory.resolve(value).normalize();
	}
}
