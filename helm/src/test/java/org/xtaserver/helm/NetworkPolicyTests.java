package org.xtaserver.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtaserver.helm.HelmChart.Rendered;
import tools.jackson.databind.JsonNode;

/** {@code ci/networkpolicy-values.yaml}. */
class NetworkPolicyTests {

	private static JsonNode policy;

	@BeforeAll
	static void render() {
		policy = HelmChart.render("networkpolicy-values.yaml").one("NetworkPolicy").path("spec");
	}

	@Test
	void appliesToTheServerPodsInBothDirections() {
		assertThat(policy.at("/podSelector/matchLabels/app.kubernetes.io~1name").asString()).isEqualTo("xta-server");
		assertThat(policy.at("/podSelector/matchLabels/app.kubernetes.io~1instance").asString()).isEqualTo("kdz");
		assertThat(policy.path("policyTypes").valueStream().map(JsonNode::asString)).containsExactly("Ingress", "Egress");
	}

	@Test
	void xtaPortOnlyFromTheConfiguredPeers() {
		JsonNode https = policy.at("/ingress/0");

		assertThat(https.at("/ports/0/port").asInt()).isEqualTo(8443);
		assertThat(https.at("/from/0/ipBlock/cidr").asString()).isEqualTo("10.20.0.0/16");
		assertThat(https.at("/from/1/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString())
			.isEqualTo("gateway");
	}

	@Test
	void managementPortOnlyFromTheMonitoringNamespace() {
		JsonNode management = policy.at("/ingress/1");

		assertThat(management.at("/ports/0/port").asInt()).isEqualTo(8081);
		assertThat(management.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString())
			.isEqualTo("monitoring");
		assertThat(policy.path("ingress").size()).isEqualTo(2);
	}

	@Test
	void egressToDnsDatabaseAndIntermediariesOnly() {
		JsonNode egress = policy.path("egress");

		assertThat(egress.size()).isEqualTo(3);
		assertThat(egress.at("/0/ports").valueStream().map((p) -> p.path("protocol").asString() + "/" + p.path("port").asInt()))
			.containsExactly("UDP/53", "TCP/53");
		assertThat(egress.at("/1/ports/0/port").asInt()).isEqualTo(3306);
		assertThat(egress.at("/1/to/0/podSelector/matchLabels/app.kubernetes.io~1name").asString()).isEqualTo("mariadb-galera");
		assertThat(egress.at("/2/ports").valueStream().map((p) -> p.path("port").asInt())).containsExactly(443, 80);
		assertThat(egress.at("/2/to/0/ipBlock/cidr").asString()).isEqualTo("192.0.2.0/24");
	}

	@Test
	void emptyPeerListsOpenThePortWithoutRestrictingTheSource() {
		Rendered open = HelmChart.render(HelmChart.scenario("networkpolicy-values.yaml"),
				Map.of("networkPolicy.ingress.httpsFrom", "null", "networkPolicy.egress.enabled", false));
		JsonNode spec = open.one("NetworkPolicy").path("spec");

		assertThat(spec.at("/ingress/0/from").isMissingNode()).isTrue();
		assertThat(spec.path("policyTypes").valueStream().map(JsonNode::asString)).containsExactly("Ingress");
		assertThat(spec.has("egress")).isFalse();
	}
}
