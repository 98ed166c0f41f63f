package org.xtaserver.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtaserver.helm.HelmChart.Rendered;
import tools.jackson.databind.JsonNode;

/** The single-node trial: {@code ci/embedded-trial-values.yaml}. */
class EmbeddedTrialTests {

	private static Rendered chart;

	@BeforeAll
	static void render() {
		chart = HelmChart.render("embedded-trial-values.yaml");
	}

	@Test
	void oneReplicaThatIsReplacedNotRolled() {
		JsonNode spec = chart.deployment().path("spec");

		assertThat(spec.path("replicas").asInt()).isEqualTo(1);
		assertThat(spec.at("/strategy/type").asString()).isEqualTo("Recreate");
		assertThat(chart.has("PodDisruptionBudget")).as("no PDB for a single replica").isFalse();
	}

	@Test
	void embeddedDatabaseGetsAWritableVolumeAndNoDatasource() {
		assertThat(chart.volume("embedded-db").at("/emptyDir/sizeLimit").asString()).isEqualTo("1Gi");
		assertThat(chart.volumeMount("embedded-db").path("mountPath").asString()).isEqualTo("/opt/xta/data/db");
		assertThat(chart.volumeMount("embedded-db").path("readOnly").asBoolean()).isFalse();
		assertThat(chart.applicationYml().at("/xta/embedded-db/directory").asString()).isEqualTo("/opt/xta/data/db");
		assertThat(chart.env("SPRING_DATASOURCE_URL").isMissingNode()).isTrue();
		assertThat(chart.env("SPRING_DATASOURCE_PASSWORD").isMissingNode()).isTrue();
	}

	@Test
	void clientCaCanComeFromAConfigMap() {
		assertThat(chart.volume("client-ca").at("/configMap/name").asString()).isEqualTo("xta-client-ca");
		assertThat(chart.volume("client-ca").at("/configMap/items/0/key").asString()).isEqualTo("ca.crt");
	}

	@Test
	void inlineTenantFilesBecomeOneConfigMapKeyPerTenant() {
		JsonNode tenants = chart.one("ConfigMap", HelmChart.FULLNAME + "-tenants");

		assertThat(tenants.path("data").propertyNames()).containsExactly("musterstadt.yaml");
		assertThat(tenants.at("/data/musterstadt.yaml").asString()).startsWith("id: musterstadt\n")
			.contains("value: \"demo:musterstadt:sozialamt\"");
		assertThat(chart.volume("tenants").at("/projected/sources/0/configMap/name").asString())
			.isEqualTo(HelmChart.FULLNAME + "-tenants");
	}

	@Test
	void notesWarnThatTheEmbeddedDatabaseIsForTrialsOnly() {
		String notes = HelmChart.installNotes(HelmChart.scenario("embedded-trial-values.yaml"));

		assertThat(notes).contains("EMBEDDED DATABASE - FOR A SINGLE-NODE TRIAL ONLY, NEVER FOR PRODUCTION")
			.contains("LOSES ALL MESSAGES when the pod is deleted");
	}

	@Test
	void notesOfAProductionInstallNameTheDatabaseAndNoWarning() {
		String notes = HelmChart.installNotes(HelmChart.scenario("three-replicas-external-db-values.yaml"));

		assertThat(notes).contains("jdbc:mariadb://mariadb-galera.databases.svc:3306/xta")
			.contains("back up before every upgrade")
			.doesNotContain("EMBEDDED");
	}
}
