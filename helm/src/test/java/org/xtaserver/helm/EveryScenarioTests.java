package org.xtaserver.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xtaserver.helm.HelmChart.Rendered;
import tools.jackson.databind.JsonNode;

/** What holds for every {@code ci/*-values.yaml}: hardening, probes, writable folders, labels. */
class EveryScenarioTests {

	static List<Path> scenarios() {
		return HelmChart.scenarios();
	}

	@Test
	void theScenariosAreThere() {
		assertThat(scenarios()).map((p) -> p.getFileName().toString())
			.contains("three-replicas-external-db-values.yaml", "embedded-trial-values.yaml", "monitoring-values.yaml",
					"networkpolicy-values.yaml");
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void podRunsAsNonRootWithAReadOnlyRootFilesystem(Path scenario) {
		Rendered chart = HelmChart.render(scenario, Map.of());
		JsonNode pod = chart.deployment().at("/spec/template/spec");
		JsonNode container = chart.container().path("securityContext");

		assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
		assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
		assertThat(pod.at("/securityContext/fsGroup").asInt()).isEqualTo(10001);
		assertThat(pod.at("/securityContext/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
		assertThat(pod.path("automountServiceAccountToken").asBoolean()).isFalse();
		assertThat(container.path("runAsNonRoot").asBoolean()).isTrue();
		assertThat(container.path("readOnlyRootFilesystem").asBoolean()).isTrue();
		assertThat(container.path("allowPrivilegeEscalation").asBoolean()).isFalse();
		assertThat(container.at("/capabilities/drop").valueStream().map(JsonNode::asString)).containsExactly("ALL");
		assertThat(container.at("/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void writableFoldersAreEmptyDirs(Path scenario) {
		Rendered chart = HelmChart.render(scenario, Map.of());

		assertThat(chart.volume("tmp").has("emptyDir")).isTrue();
		assertThat(chart.volumeMount("tmp").path("mountPath").asString()).isEqualTo("/tmp");
		assertThat(chart.volume("attachments").has("emptyDir")).isTrue();
		assertThat(chart.volumeMount("attachments").path("mountPath").asString())
			.isEqualTo(chart.applicationYml().at("/xta/soap/attachment-directory").asString());
		for (String readOnly : List.of("config", "tls", "client-ca", "tenants")) {
			assertThat(chart.volumeMount(readOnly).path("readOnly").asBoolean()).as(readOnly).isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void probesAskTheManagementPort(Path scenario) {
		Rendered chart = HelmChart.render(scenario, Map.of());
		JsonNode container = chart.container();

		assertThat(container.path("ports").valueStream()
			.map((p) -> p.path("name").asString() + "=" + p.path("containerPort").asInt()))
			.containsExactly("https=8443", "management=8081");
		assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
		assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
		assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
		for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
			assertThat(container.at("/" + probe + "/httpGet/port").asString()).as(probe).isEqualTo("management");
		}
		assertThat(chart.applicationYml().at("/management/server/port").asInt()).isEqualTo(8081);
		assertThat(chart.applicationYml().at("/server/port").asInt()).isEqualTo(8443);
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void resourcesAreBoundedAndTheHeapFollowsTheLimit(Path scenario) {
		Rendered chart = HelmChart.render(scenario, Map.of());
		JsonNode resources = chart.container().path("resources");

		assertThat(resources.at("/requests/cpu").isString()).isTrue();
		assertThat(resources.at("/requests/memory").isString()).isTrue();
		assertThat(resources.at("/limits/memory").isString()).isTrue();
		assertThat(chart.env("JAVA_TOOL_OPTIONS").path("value").asString()).contains("-XX:MaxRAMPercentage=");
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void everyObjectCarriesTheStandardLabelsInTheReleaseNamespace(Path scenario) {
		Rendered chart = HelmChart.render(scenario, Map.of());

		assertThat(chart.objects()).isNotEmpty().allSatisfy((object) -> {
			JsonNode labels = object.at("/metadata/labels");
			assertThat(labels.path("app.kubernetes.io/name").asString()).isEqualTo("xta-server");
			assertThat(labels.path("app.kubernetes.io/instance").asString()).isEqualTo(HelmChart.RELEASE);
			assertThat(labels.path("app.kubernetes.io/managed-by").asString()).isEqualTo("Helm");
			assertThat(labels.path("helm.sh/chart").asString()).startsWith("xta-server-");
			assertThat(object.at("/metadata/namespace").asString()).isEqualTo(HelmChart.NAMESPACE);
		});
		assertThat(chart.one("ServiceAccount").path("automountServiceAccountToken").asBoolean()).isFalse();
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void podDisruptionBudgetExactlyWhenThereAreSeveralReplicas(Path scenario) {
		Rendered chart = HelmChart.render(scenario, Map.of());

		assertThat(chart.has("PodDisruptionBudget"))
			.isEqualTo(chart.deployment().at("/spec/replicas").asInt() > 1);
	}
}
