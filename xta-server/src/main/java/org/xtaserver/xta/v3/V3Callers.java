package org.xtaserver.xta.v3;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.security.transport.TLSSessionInfo;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.xtaserver.security.Caller;
import org.xtaserver.security.CallerAuthenticator;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.wsdl.v3.oscimeta.PartyType;

/** Who is calling: the TLS client certificate of the current request, checked for the claimed party. */
final class V3Callers {

	private final CallerAuthenticator authenticator;

	V3Callers(CallerAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	Caller authenticate(PartyType claimed, String what) {
		X509Certificate certificate = clientCertificate();
		PartyId party = (claimed == null) ? null : V3Parties.toDomain(claimed, what);
		return this.authenticator.authenticate(certificate, party);
	}

	Caller authenticate(PartyId party) {
		return this.authenticator.authenticate(clientCertificate(), party);
	}

	static X509Certificate clientCertificate() {
		return clientCertificate(PhaseInterceptorChain.getCurrentMessage());
	}

	/** The TLS client certificate of the request {@code message} belongs to, or null. */
	static X509Certificate clientCertificate(Message message) {
		if (message == null) {
			return null;
		}
		TLSSessionInfo tls = message.get(TLSSessionInfo.class);
		if (tls != null && tls.getPeerCertificates() != null && tls.getPeerCertificates().length > 0) {
			Certificate first = tls.getPeerCertificates()[0];
			return (first instanceof X509Certificate x509) ? x509 : null;
		}
		Object request = message.get(AbstractHTTPDestination.HTTP_REQUEST);
		if (request instanceof HttpServletRequest http
				&& http.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain
				&& chain.length > 0) {
			return chain[0];
		}
		return null;
	}
}
