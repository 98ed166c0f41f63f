package org.xtaserver.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtaserver.helm.HelmChart.Rendered;
import tools.jackson.databind.JsonNode;

/** The production shape: {@code ci/three-replicas-external-db-values.yaml}. */
class ThreeReplicasExternalDatabaseTests {

	private static Rendered chart;

	@BeforeAll
	static void render() {
		chart = HelmChart.render("three-replicas-external-db-values.yaml");
	}

	@Test
	void deploymentRunsThreeReplicasWithARollingUpdateThatKeepsAllPodsServing() {
		JsonNode spec = chart.deployment().path("spec");

		assertThat(spec.path("replicas").asInt()).isEqualTo(3);
		assertThat(spec.at("/strategy/type").asString()).isEqualTo("RollingUpdate");
		assertThat(spec.at("/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
		assertThat(spec.at("/selector/matchLabels"))
			.isEqualTo(chart.one("Service", HelmChart.FULLNAME).at("/spec/selector"));
	}

	@Test
	void podDisruptionBudgetProtectsTheReplicas() {
		JsonNode pdb = chart.one("PodDisruptionBudget");

		assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
		assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(chart.deployment().at("/spec/selector/matchLabels"));
	}

	@Test
	void datasourceComesFromEnvironmentWithThePasswordFromASecret() {
		assertThat(chart.env("SPRING_DATASOURCE_URL").path("value").asString())
			.isEqualTo("jdbc:mariadb://mariadb-galera.databases.svc:3306/xta");
		assertThat(chart.env("SPRING_DATASOURCE_USERNAME").path("value").asString()).isEqualTo("xta");

		JsonNode password = chart.env("SPRING_DATASOURCE_PASSWORD");
		assertThat(password.has("value")).as("password must never be a plain value").isFalse();
		assertThat(password.at("/valueFrom/secretKeyRef/name").asString()).isEqualTo("xta-server-db");
		assertThat(password.at("/valueFrom/secretKeyRef/key").asString()).isEqualTo("password");
	}

	@Test
	void noEmbeddedDatabaseVolumeOrSetting() {
		assertThat(chart.volume("embedded-db").isMissingNode()).isTrue();
		assertThat(chart.volumeMount("embedded-db").isMissingNode()).isTrue();
		assertThat(chart.applicationYml().at("/xta/embedded-db").isMissingNode()).isTrue();
		assertThat(chart.text()).doesNotContain("EMBEDDED");
	}

	@Test
	void applicationYmlPointsTheServerAtTheMountedFiles() {
		JsonNode xta = chart.applicationYml().path("xta");

		assertThat(xta.at("/tls/certificate").asString()).isEqualTo("file:/etc/xta/tls/tls.crt");
		assertThat(xta.at("/tls/private-key").asString()).isEqualTo("file:/etc/xta/tls/tls.key");
		assertThat(xta.at("/tls/client-ca").asString()).isEqualTo("file:/etc/xta/client-ca/ca.crt");
		assertThat(xta.at("/tenants/directory").asString()).isEqualTo("/etc/xta/tenants");
		assertThat(xta.at("/tenants/reload-interval").asString()).isEqualTo("PT30S");
		assertThat(xta.at("/soap/attachment-directory").asString()).isEqualTo("/opt/xta/data/tmp/attachments");
		assertThat(xta.at("/server/identity").asString()).isEqualTo("xta.kdz.example.de");
		assertThat(xta.at("/server/max-message-bytes").asLong()).isEqualTo(1073741824L);
		assertThat(chart.env("SPRING_CONFIG_ADDITIONAL_LOCATION").path("value").asString())
			.isEqualTo("optional:file:/etc/xta/config/");
		assertThat(chart.volumeMount("config").path("mountPath").asString()).isEqualTo("/etc/xta/config");
	}

	@Test
	void tlsAndClientCaSecretsAreMountedReadOnly() {
		assertThat(chart.volume("tls").at("/secret/secretName").asString()).isEqualTo("xta-server-tls");
		assertThat(chart.volume("client-ca").at("/secret/secretName").asString()).isEqualTo("xta-server-client-ca");
		assertThat(chart.volumeMount("tls").path("readOnly").asBoolean()).isTrue();
		assertThat(chart.volumeMount("client-ca").path("readOnly").asBoolean()).isTrue();
	}

	@Test
	void tenantFilesAndTheirKeyMaterialShareOneProjectedFolder() {
		JsonNode sources = chart.volume("tenants").at("/projected/sources");

		assertThat(sources.get(0).at("/configMap/name").asString()).isEqualTo("xta-tenants");
		assertThat(sources.get(1).at("/secret/name").asString()).isEqualTo("xta-tenant-musterstadt-osci");
		assertThat(sources.get(1).at("/secret/items/1/path").asString()).isEqualTo("osci/musterstadt.key");
		assertThat(chart.volume("tenants").at("/projected/defaultMode").asInt()).isEqualTo(0440);
		assertThat(chart.has("ConfigMap") && chart.all("ConfigMap").stream()
			.noneMatch((c) -> c.at("/metadata/name").asString().endsWith("-tenants")))
			.as("no chart-owned tenant ConfigMap when an existing one is named")
			.isTrue();
	}

	@Test
	void servicesExposeTheXtaPortAndTheManagementPort() {
		JsonNode xta = chart.one("Service", HelmChart.FULLNAME).path("spec");
		JsonNode management = chart.one("Service", HelmChart.FULLNAME + "-management").path("spec");

		assertThat(xta.path("type").asString()).isEqualTo("LoadBalancer");
		assertThat(xta.at("/ports/0/port").asInt()).isEqualTo(8443);
		assertThat(xta.at("/ports/0/targetPort").asString()).isEqualTo("https");
		assertThat(xta.path("externalTrafficPolicy").asString()).isEqualTo("Local");
		assertThat(management.path("type").asString()).isEqualTo("ClusterIP");
		assertThat(management.at("/ports/0/port").asInt()).isEqualTo(8081);
		assertThat(management.at("/ports/0/targetPort").asString()).isEqualTo("management");
	}

	@Test
	void changingTheApplicationSettingsChangesThePodTemplate() {
		String before = chart.deployment().at("/spec/template/metadata/annotations/checksum~1config").asString();
		String after = HelmChart
			.render(HelmChart.scenario("three-replicas-external-db-values.yaml"), Map.of("server.identity", "other"))
			.deployment()
			.at("/spec/template/metadata/annotations/checksum~1config")
			.asString();

		assertThat(before).hasSize(64);
		assertThat(after).hasSize(64).isNotEqualTo(before);
	}

	@Test
	void monitoringObjectsAreOptIn() {
		assertThat(chart.has("ServiceMonitor")).isFalse();
		assertThat(chart.has("PrometheusRule")).isFalse();
		assertThat(chart.has("NetworkPolicy")).isFalse();
		assertThat(chart.all("ConfigMap")).noneMatch((c) -> c.at("/metadata/labels/grafana_dashboard").isString());
	}
}
