package org.xtaserver.security;

import java.security.cert.X509Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xtaserver.audit.Auditor;
import org.xtaserver.message.XtaError;
import org.xtaserver.tenant.pki.Fingerprints;
import org.xtaserver.tenant.ClientIdentity;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantRegistry;

/**
 * Decides whether the client certificate of a TLS connection may act as the party named in the
 * request (the XTA AuthorIdentifier); the mapping comes from the tenant files.
 */
public class CallerAuthenticator {

	private static final Logger log = LoggerFactory.getLogger(CallerAuthenticator.class);

	private final TenantRegistry tenants;

	private final Auditor auditor;

	public CallerAuthenticator(TenantRegistry tenants, Auditor auditor) {
		this.tenants = tenants;
		this.auditor = auditor;
	}

	/** @throws org.xtaserver.message.XtaFailure PermissionDenied when the certificate may not act as {@code party} */
	public Caller authenticate(X509Certificate clientCertificate, PartyId party) {
		if (clientCertificate == null) {
			this.auditor.deniedIdentity(null, null, null, party, XtaError.NO_CLIENT_CERTIFICATE);
			throw XtaError.NO_CLIENT_CERTIFICATE.failure();
		}
		ClientIdentity identity = this.tenants.current()
			.authenticate(clientCertificate)
			.orElseThrow(() -> {
				log.warn("XTA-3001 denied: client certificate {} is not registered",
						clientCertificate.getSubjectX500Principal().getName());
				this.auditor.deniedIdentity(null, null, Fingerprints.sha256(clientCertificate), party,
						XtaError.UNKNOWN_CLIENT);
				return XtaError.UNKNOWN_CLIENT.failure();
			});
		if (party == null) {
			throw XtaError.MISSING_PARAMETER.failure("AuthorIdentifier");
		}
		if (!identity.mayActAs().contains(party)) {
			log.warn("XTA-3002 denied: client {} of tenant {} may not act as {}", identity.clientName(),
					identity.tenant().value(), party);
			this.auditor.deniedIdentity(identity.tenant(), identity.clientName(), identity.certificateSha256(), party,
					XtaError.AUTHOR_NOT_ALLOWED);
			throw XtaError.AUTHOR_NOT_ALLOWED.failure(party.toString());
		}
		return new Caller(identity.tenant(), party, identity.clientName(), identity.certificateSha256());
	}
}
