package org.xtaserver.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Values the chart refuses, with a message that names the values to set: the schema for shapes,
 * {@code xta-server.validateValues} for combinations.
 */
class ValuesValidationTests {

	private static final Map<String, Object> TLS = Map.of("tls.existingSecret", "xta-server-tls",
			"tls.clientCa.existingSecret", "xta-server-client-ca");

	@Test
	void embeddedDatabaseWithSeveralReplicasFails() {
		String message = HelmChart.renderFailure(HelmChart.scenario("embedded-trial-values.yaml"), Map.of("replicaCount", 3));

		assertThat(message).contains("VALUES VALIDATION:")
			.contains("xta-server: database.embedded.enabled")
			.contains("The embedded database is for a single-node trial and cannot be shared: replicaCount=3")
			.contains("needs an external database");
	}

	@Test
	void neitherEmbeddedNorExternalDatabaseFails() {
		String message = HelmChart.renderFailure(null, TLS);

		assertThat(message).contains("xta-server: database")
			.contains("No database configured. Set database.external.url")
			.contains("database.embedded.enabled=true");
	}

	@Test
	void externalAndEmbeddedDatabaseTogetherFail() {
		String message = HelmChart.renderFailure(HelmChart.scenario("embedded-trial-values.yaml"),
				Map.of("database.external.url", "jdbc:mariadb://db:3306/xta", "database.external.existingSecret", "db"));

		assertThat(message).contains("database.external.url and database.embedded.enabled=true are both set");
	}

	@Test
	void externalDatabaseWithoutPasswordSecretFails() {
		String message = HelmChart.renderFailure(HelmChart.scenario("three-replicas-external-db-values.yaml"),
				Map.of("database.external.existingSecret", ""));

		assertThat(message).contains("xta-server: database.external.existingSecret")
			.contains("The external database needs a password");
	}

	@Test
	void missingTlsSecretNamesFail() {
		String message = HelmChart.renderFailure(HelmChart.scenario("three-replicas-external-db-values.yaml"),
				Map.of("tls.existingSecret", "", "tls.clientCa.existingSecret", ""));

		assertThat(message).contains("xta-server: tls")
			.contains("The XTA port needs mutual TLS. Set tls.existingSecret")
			.contains("set tls.clientCa.existingSecret or tls.clientCa.existingConfigMap");
	}

	@Test
	void missingClientCaAloneFails() {
		String message = HelmChart.renderFailure(HelmChart.scenario("three-replicas-external-db-values.yaml"),
				Map.of("tls.clientCa.existingSecret", ""));

		assertThat(message).contains("tls.clientCa.existingSecret or tls.clientCa.existingConfigMap")
			.doesNotContain("Set tls.existingSecret");
	}

	@Test
	void allProblemsAreReportedAtOnce() {
		String message = HelmChart.renderFailure(null, Map.of());

		assertThat(message).contains("xta-server: database").contains("xta-server: tls");
	}

	@Test
	void tenantFilesFromTwoPlacesFail() {
		String message = HelmChart.renderFailure(HelmChart.scenario("embedded-trial-values.yaml"),
				Map.of("tenants.existingConfigMap", "xta-tenants"));

		assertThat(message).contains("Set either tenants.existingConfigMap or tenants.files, not both.");
	}

	@Test
	void schemaRejectsAnUnknownTopLevelKey() {
		String message = HelmChart.renderFailure(HelmChart.scenario("three-replicas-external-db-values.yaml"),
				Map.of("replicas", 3));

		assertThat(message).contains("values don't meet the specifications of the schema")
			.contains("Additional property replicas is not allowed");
	}

	@Test
	void schemaRejectsAnUnknownNestedKey() {
		String message = HelmChart.renderFailure(HelmChart.scenario("three-replicas-external-db-values.yaml"),
				Map.of("database.external.password", "secret"));

		assertThat(message).contains("Additional property password is not allowed");
	}

	@Test
	void schemaRejectsValuesOutsideTheirEnum() {
		String message = HelmChart.renderFailure(HelmChart.scenario("three-replicas-external-db-values.yaml"),
				Map.of("service.type", "ExternalName"));

		assertThat(message).contains("service.type").contains("must be one of the following");
	}

	@Test
	void schemaRejectsARootContainer() {
		String message = HelmChart.renderFailure(HelmChart.scenario("three-replicas-external-db-values.yaml"),
				Map.of("containerSecurityContext.allowPrivilegeEscalation", true));

		assertThat(message).contains("containerSecurityContext.allowPrivilegeEscalation");
	}

	@Test
	void schemaRejectsANonJdbcDatabaseUrl() {
		String message = HelmChart.renderFailure(HelmChart.scenario("three-replicas-external-db-values.yaml"),
				Map.of("database.external.url", "mariadb://db:3306/xta"));

		assertThat(message).contains("database.external.url");
	}

	@Test
	void schemaRejectsATenantFileNameThatIsNoTenantId() {
		String message = HelmChart.renderFailure(HelmChart.scenario("embedded-trial-values.yaml"),
				Map.of("tenants.files.Muster_Stadt\\.yaml", "id: x"));

		assertThat(message).contains("values don't meet the specifications of the schema");
	}
}
