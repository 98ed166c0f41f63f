package org.xtaserver.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Leaves the SOAP ports out of Spring's {@code http.server.requests}: CXF's
 * {@code cxf.server.requests} already times every SOAP request, with the port and operation as
 * labels, so a second timer per request only costs time on every call. Other paths keep theirs.
 */
final class SoapRequestObservationFilter implements ObservationPredicate {

	private final String soapPathPrefix;

	SoapRequestObservationFilter(String cxfPath) {
		this.soapPathPrefix = cxfPath.endsWith("/") ? cxfPath : cxfPath + "/";
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (context instanceof ServerRequestObservationContext server && "http.server.requests".equals(name)) {
			String uri = server.getCarrier().getRequestURI();
			return uri == null || !uri.startsWith(this.soapPathPrefix);
		}
		return true;
	}
}
