package org.xtaserver.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.TemplateCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart under test, rendered with helm-java (Helm as a native library inside the test JVM: no
 * helm binary, no network). Release {@value #RELEASE} in namespace {@value #NAMESPACE}.
 */
final class HelmChart {

	static final String RELEASE = "kdz";

	static final String NAMESPACE = "xta";

	/** Object name prefix for release {@value #RELEASE}. */
	static final String FULLNAME = RELEASE + "-xta-server";

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private HelmChart() {
	}

	static Path directory() {
		return Path.of(System.getProperty("helm.chart.dir", "xta-server")).toAbsolutePath().normalize();
	}

	/** The scenario files in {@code ci/}, sorted by name. */
	static List<Path> scenarios() {
		try (Stream<Path> files = Files.list(directory().resolve("ci"))) {
			return files.filter((f) -> f.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot list " + directory().resolve("ci"), ex);
		}
	}

	static Path scenario(String name) {
		Path file = directory().resolve("ci").resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("no scenario " + file);
		}
		return file;
	}

	static LintResult lint() {
		return new Helm(directory()).lint().strict().call();
	}

	/**
	 * {@code helm lint --strict} with a scenario's values. helm-java's lint takes no values file, so
	 * the chart is copied to {@code workDir} with the scenario merged into its values.yaml (objects
	 * merged key by key, everything else replaced, as Helm merges values).
	 */
	static LintResult lint(Path scenario, Path workDir) throws IOException {
		Path copy = workDir.resolve("xta-server");
		try (Stream<Path> files = Files.walk(directory())) {
			for (Path source : files.toList()) {
				Path target = copy.resolve(directory().relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
		JsonNode defaults = YAML.readTree(copy.resolve("values.yaml").toFile());
		JsonNode overrides = YAML.readTree(scenario.toFile());
		Files.writeString(copy.resolve("values.yaml"), YAML.writeValueAsString(merge(defaults, overrides)));
		return new Helm(copy).lint().strict().call();
	}

	private static JsonNode merge(JsonNode base, JsonNode override) {
		if (!(base instanceof ObjectNode baseObject) || !override.isObject()) {
			return override;
		}
		ObjectNode merged = baseObject.deepCopy();
		override.properties().forEach((e) -> merged.set(e.getKey(),
				merged.has(e.getKey()) ? merge(merged.get(e.getKey()), e.getValue()) : e.getValue()));
		return merged;
	}

	/** Renders the chart with a scenario file plus {@code --set} overrides. */
	static Rendered render(Path valuesFile, Map<String, Object> sets) {
		TemplateCommand template = new Helm(directory()).template().withName(RELEASE).withNamespace(NAMESPACE);
		if (valuesFile != null) {
			template = template.withValuesFile(valuesFile);
		}
		for (Map.Entry<String, Object> set : sets.entrySet()) {
			template = template.set(set.getKey(), set.getValue());
		}
		return Rendered.parse(template.call());
	}

	static Rendered render(String scenario) {
		return render(scenario(scenario), Map.of());
	}

	/**
	 * Output of a client-only dry-run install ({@code helm install --dry-run=client}): the release
	 * summary followed by the rendered NOTES.txt, which {@code helm template} does not show. Needs no
	 * cluster.
	 */
	static String installNotes(Path valuesFile) {
		Release release = new Helm(directory()).install()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withValuesFile(valuesFile)
			.clientOnly()
			.withDryRunOption(DryRun.CLIENT)
			.call();
		return release.getOutput();
	}

	/** Renders the chart expecting it to fail, and returns Helm's message. */
	static String renderFailure(Path valuesFile, Map<String, Object> sets) {
		try {
			Rendered rendered = render(valuesFile, sets);
			throw new AssertionError("rendering succeeded, expected a failure; objects: " + rendered.describe());
		}
		catch (IllegalStateException ex) {
			return ex.getMessage();
		}
	}

	/** The objects of one {@code helm template} run. */
	record Rendered(String text, List<JsonNode> objects) {

		static Rendered parse(String text) {
			List<JsonNode> objects = new ArrayList<>();
			try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
				while (docs.hasNextValue()) {
					JsonNode doc = docs.nextValue();
					if (doc != null && doc.isObject() && doc.has("kind")) {
						objects.add(doc);
					}
				}
			}
			return new Rendered(text, List.copyOf(objects));
		}

		List<JsonNode> all(String kind) {
			return this.objects.stream().filter((o) -> kind.equals(o.path("kind").asString())).toList();
		}

		boolean has(String kind) {
			return !all(kind).isEmpty();
		}

		JsonNode one(String kind) {
			List<JsonNode> found = all(kind);
			if (found.size() != 1) {
				throw new AssertionError("expected exactly one " + kind + ", found " + found.size() + " in " + describe());
			}
			return found.get(0);
		}

		JsonNode one(String kind, String name) {
			return all(kind).stream()
				.filter((o) -> name.equals(o.path("metadata").path("name").asString()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + describe()));
		}

		JsonNode deployment() {
			return one("Deployment");
		}

		/** The xta-server container of the Deployment. */
		JsonNode container() {
			for (JsonNode c : deployment().at("/spec/template/spec/containers")) {
				if ("xta-server".equals(c.path("name").asString())) {
					return c;
				}
			}
			throw new AssertionError("no container xta-server");
		}

		/** An env entry of the container by name, or a missing node. */
		JsonNode env(String name) {
			for (JsonNode e : container().path("env")) {
				if (name.equals(e.path("name").asString())) {
					return e;
				}
			}
			return tools.jackson.databind.node.MissingNode.getInstance();
		}

		JsonNode volume(String name) {
			for (JsonNode v : deployment().at("/spec/template/spec/volumes")) {
				if (name.equals(v.path("name").asString())) {
					return v;
				}
			}
			return tools.jackson.databind.node.MissingNode.getInstance();
		}

		JsonNode volumeMount(String name) {
			for (JsonNode m : container().path("volumeMounts")) {
				if (name.equals(m.path("name").asString())) {
					return m;
				}
			}
			return tools.jackson.databind.node.MissingNode.getInstance();
		}

		/** The application.yml that the chart renders into its ConfigMap, parsed. */
		JsonNode applicationYml() {
			String yml = one("ConfigMap", FULLNAME).at("/data/application.yml").asString();
			return YAML.readTree(yml);
		}

		String describe() {
			return this.objects.stream()
				.map((o) -> o.path("kind").asString() + "/" + o.path("metadata").path("name").asString())
				.toList()
				.toString();
		}
	}
}
