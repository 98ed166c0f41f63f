package org.xtaserver.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.xtaserver.osci.client.FetchedDelivery;
import org.xtaserver.osci.client.Osci12PostboxClient;
import org.xtaserver.osci.client.OsciClientConfig;
import org.xtaserver.osci.client.OsciPostboxClient;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.crypto.TransportCrypto;
import org.xtaserver.osci.fetch.FetchLease;
import org.xtaserver.osci.fetch.FetchRound;
import org.xtaserver.osci.fetch.TenantFetch;
import org.xtaserver.osci.message.ProcessCard;
import org.xtaserver.osci.message.ProcessCardSelection;
import org.xtaserver.tenant.OsciSettings;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.TenantRegistry;
import org.xtaserver.tenant.pki.Pem;

/**
 * One fetch round for one tenant: a dialog with its intermediary that lists the waiting process
 * cards and, for reconciliation, the recently modified ones (already received included), then
 * fetches by id every delivery the store does not hold yet. Listing before fetching means a
 * delivery handed out but lost before our commit is found again by its process card.
 */
public class OsciTenantFetch implements TenantFetch {

	private final TenantRegistry tenants;

	private final OsciDeliveryImporter importer;

	private final OsciFetchProperties properties;

	private final Clock clock;

	private final Function<OsciClientConfig, OsciPostboxClient> clients;

	private final FetchLease lease;

	private final String owner;

	public OsciTenantFetch(TenantRegistry tenants, OsciDeliveryImporter importer, OsciFetchProperties properties,
			Clock clock, Function<OsciClientConfig, OsciPostboxClient> clients, FetchLease lease, String owner) {
		this.tenants = tenants;
		this.importer = importer;
		this.properties = properties;
		this.clock = clock;
		this.clients = clients;
		this.lease = lease;
		this.owner = owner;
	}

	/** The production client: OSCI 1.2 over HTTP(S). */
	public static Function<OsciClientConfig, OsciPostboxClient> overHttp(Clock clock) {
		return (config) -> Osci12PostboxClient.overHttp(config, clock);
	}

	@Override
	public FetchRound fetch(String tenantId) {
		Tenant tenant = this.tenants.current()
			.tenant(new TenantId(tenantId))
			.orElseThrow(() -> new IllegalStateException("tenant " + tenantId + " is no longer configured"));
		OsciSettings osci = tenant.osci();
		if (osci == null) {
			return new FetchRound(0, 0);
		}
		int fetched = 0;
		try (OsciPostboxClient client = this.clients.apply(config(osci))) {
			client.openDialog();
			Map<String, ProcessCard> cards = new LinkedHashMap<>();
			List<ProcessCard> pending = client.listProcessCards(ProcessCardSelection.pendingForAddressee(this.properties.listLimit()));
			pending.forEach((c) -> cards.put(c.messageId().wire(), c));
			client.listProcessCards(ProcessCardSelection.modifiedSince(
					this.clock.instant().minus(this.properties.reconcileWindow()).atOffset(ZoneOffset.UTC),
					this.properties.listLimit()))
				.forEach((c) -> cards.putIfAbsent(c.messageId().wire(), c));
			for (ProcessCard card : cards.values()) {
				if (this.importer.isStored(tenant, card.messageId().wire())) {
					continue;
				}
				// A long round renews its lease before each fetch; losing it ends the round here, so
				// that two instances never hold dialogs for one tenant at the same time.
				if (!this.lease.tryAcquire(tenantId, this.owner, this.properties.leaseTtl())) {
					throw new IllegalStateException("lease of tenant " + tenantId + " lost during the round");
				}
				FetchedDelivery delivery = client.fetchDelivery(card.messageId());
				if (this.importer.importDelivery(tenant, delivery, osci.intermediaryUrl().getHost())) {
					fetched++;
				}
			}
			int waiting = (int) pending.stream().filter((c) -> !this.importer.isStored(tenant, c.messageId().wire())).count();
			return new FetchRound(fetched, waiting);
		}
	}

	private OsciClientConfig config(OsciSettings osci) {
		try {
			Credentials own = new Credentials(Pem.readPrivateKey(osci.privateKey()), Pem.readCertificate(osci.certificate()));
			return new OsciClientConfig(own, own, osci.intermediaryUrl(), Pem.readCertificate(osci.signatureCertificate()),
					Pem.readCertificate(osci.intermediaryCertificate()), this.properties.requestTimeout(),
					TransportCrypto.Algorithms.GOVERNIKUS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("OSCI key material of the tenant cannot be read", ex);
		}
	}
}
