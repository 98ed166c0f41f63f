package org.xtaserver.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** values.yaml documents every value ({@code ## @param}) and the schema knows every value. */
class ValuesDocumentationTests {

	private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) (.+)$", Pattern.MULTILINE);

	private static List<String> params;

	private static JsonNode values;

	private static JsonNode schema;

	@BeforeAll
	static void read() throws IOException {
		String text = Files.readString(HelmChart.directory().resolve("values.yaml"));
		params = new ArrayList<>();
		Matcher m = PARAM.matcher(text);
		while (m.find()) {
			params.add(m.group(1));
		}
		values = YAMLMapper.builder().build().readTree(text);
		schema = JsonMapper.builder().build().readTree(HelmChart.directory().resolve("values.schema.json").toFile());
	}

	@Test
	void everyValueIsDocumented() {
		List<String> leaves = new ArrayList<>();
		collectLeaves("", values, leaves);

		assertThat(leaves).isNotEmpty()
			.allSatisfy((leaf) -> assertThat(params).as("## @param for %s", leaf)
				.anyMatch((p) -> leaf.equals(p) || leaf.startsWith(p + ".")));
	}

	@Test
	void everyDocumentedValueExists() {
		assertThat(params).doesNotHaveDuplicates()
			.allSatisfy((p) -> assertThat(values.at("/" + p.replace(".", "/")).isMissingNode()).as(p).isFalse());
	}

	@Test
	void everyDocumentedValueIsInTheSchema() {
		assertThat(params).allSatisfy((p) -> {
			JsonNode node = schema;
			for (String key : p.split("\\.")) {
				node = node.path("properties").path(key);
			}
			assertThat(node.isMissingNode()).as("schema entry for %s", p).isFalse();
		});
	}

	@Test
	void schemaClosesEveryObjectThatListsItsProperties() {
		List<String> open = new ArrayList<>();
		collectOpenObjects("", schema, open);

		assertThat(open).isEmpty();
	}

	private static void collectLeaves(String prefix, JsonNode node, List<String> leaves) {
		if (node.isObject() && !node.isEmpty()) {
			for (Map.Entry<String, JsonNode> e : node.properties()) {
				collectLeaves(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), leaves);
			}
		}
		else {
			leaves.add(prefix);
		}
	}

	private static void collectOpenObjects(String path, JsonNode node, List<String> open) {
		if (node.has("properties") && !node.path("additionalProperties").isBoolean()) {
			open.add(path.isEmpty() ? "(root)" : path);
		}
		for (Map.Entry<String, JsonNode> e : node.path("properties").properties()) {
			collectOpenObjects(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), open);
		}
		if (node.path("items").isObject()) {
			collectOpenObjects(path + "[]", node.path("items"), open);
		}
	}
}
