package org.xtaserver.onboarding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xtaserver.tenant.ClientAccess;
import org.xtaserver.tenant.Postbox;
import org.xtaserver.tenant.ServiceOffer;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantDirectory;

/**
 * Checks each postbox of a tenant: its identifier belongs to this tenant alone, it offers at least
 * one service (else {@code lookupService} finds nothing), and at least one specialist procedure
 * may act for it (else nobody can fetch its messages).
 */
final class PostboxChecks {

	static final String AREA = "postbox";

	private final Clock clock;

	PostboxChecks(Clock clock) {
		this.clock = clock;
	}

	List<CheckResult> check(Tenant tenant, TenantDirectory directory) {
		List<CheckResult> results = new ArrayList<>();
		for (Postbox postbox : tenant.postboxes()) {
			String subject = postbox.identifier().toString();
			Optional<Tenant> owner = directory.postboxOwner(postbox.identifier());
			long inTenant = tenant.postboxes().stream().filter((p) -> p.identifier().equals(postbox.identifier())).count();
			if (inTenant > 1) {
				results.add(result("postbox.unique", subject, Outcome.FAIL, "identifier defined " + inTenant
						+ " times in this tenant"));
			}
			else if (owner.isPresent() && !owner.get().id().equals(tenant.id())) {
				results.add(result("postbox.unique", subject, Outcome.FAIL, "identifier is also claimed by tenant "
						+ owner.get().id() + ", which owns it in the configuration in force"));
			}
			else {
				results.add(result("postbox.unique", subject, Outcome.PASS, "identifier unique across all tenants"));
			}
			List<String> services = postbox.services().stream().map(ServiceOffer::service).toList();
			results.add(services.isEmpty()
					? result("postbox.services", subject, Outcome.WARN,
							"no service listed: lookupService answers 'not accepted' for every service")
					: result("postbox.services", subject, Outcome.PASS, services.size() + " service(s): "
							+ String.join(", ", services)));
			List<String> clients = tenant.clients()
				.stream()
				.filter((c) -> c.actAs().contains(postbox.identifier()))
				.map(ClientAccess::name)
				.toList();
			results.add(clients.isEmpty()
					? result("postbox.clients", subject, Outcome.FAIL,
							"no client may act for this postbox: nobody can fetch its messages (add it to a client's actAs)")
					: result("postbox.clients", subject, Outcome.PASS, "may be used by " + String.join(", ", clients)));
		}
		return results;
	}

	private CheckResult result(String check, String subject, Outcome outcome, String finding) {
		return CheckResult.of(check, AREA, subject, outcome, finding, this.clock.instant());
	}
}
