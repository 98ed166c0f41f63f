package org.xtaserver.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xtaserver.tenant.CertificateMatcher;
import org.xtaserver.tenant.ClientAccess;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.Postbox;
import org.xtaserver.tenant.ServiceOffer;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantDirectory;
import org.xtaserver.tenant.TenantId;

class PostboxChecksTests {

	static final PartyId SOZIALAMT = PartyId.of("xoev", "demo:musterstadt:sozialamt");

	static final PartyId JUGENDAMT = PartyId.of("xoev", "demo:musterstadt:jugendamt");

	private final PostboxChecks checks = new PostboxChecks(Clock.systemUTC());

	static Tenant tenant() {
		return new Tenant(TenantId.of("musterstadt"), "Stadt Musterstadt", "09999001",
				List.of(new Postbox(SOZIALAMT, List.of(new ServiceOffer("urn:test:service", List.of()))),
						new Postbox(JUGENDAMT)),
				List.of(new ClientAccess("fachverfahren",
						List.of(CertificateMatcher.sha256("a6342e5fe53135525a1c889c4feab11520589dbfdeb5414ea69a50831a224213")),
						List.of(SOZIALAMT))),
				null, null);
	}

	@Test
	void aPostboxWithServiceAndClientPasses() {
		Tenant tenant = tenant();
		List<CheckResult> results = this.checks.check(tenant, TenantDirectory.of(List.of(tenant)));

		assertThat(results.subList(0, 3)).allSatisfy((r) -> assertThat(r.result()).isEqualTo(Outcome.PASS));
	}

	@Test
	void aPostboxNoClientMayActForFailsAndOneWithoutServiceWarns() {
		Tenant tenant = tenant();
		List<CheckResult> jugendamt = this.checks.check(tenant, TenantDirectory.of(List.of(tenant)))
			.stream()
			.filter((r) -> r.subject().equals(JUGENDAMT.toString()))
			.toList();

		assertThat(jugendamt).extracting(CheckResult::check, CheckResult::result)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("postbox.unique", Outcome.PASS),
					org.assertj.core.groups.Tuple.tuple("postbox.services", Outcome.WARN),
					org.assertj.core.groups.Tuple.tuple("postbox.clients", Outcome.FAIL));
	}

	@Test
	void aPostboxOwnedByAnotherTenantInForceFails() {
		Tenant other = new Tenant(TenantId.of("beispielhausen"), "Beispielhausen", null, List.of(new Postbox(SOZIALAMT)),
				List.of(), null, null);

		CheckResult unique = this.checks.check(tenant(), TenantDirectory.of(List.of(other))).get(0);

		assertThat(unique.result()).isEqualTo(Outcome.FAIL);
		assertThat(unique.finding()).contains("beispielhausen");
	}
}
