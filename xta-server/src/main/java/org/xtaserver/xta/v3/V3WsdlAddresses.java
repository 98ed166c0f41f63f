package org.xtaserver.xta.v3;

import org.apache.cxf.frontend.WSDLGetUtils;
import org.apache.cxf.helpers.DOMUtils;
import org.w3c.dom.Element;

/**
 * Gives every port in {@code ?wsdl} its real address. CXF resolves only the requested port
 * against the servlet; the other two keep their publish path ({@code /XTAService/...}) on the bare
 * host. This puts the servlet base of the request in front of each, so that clients generated from
 * any port's WSDL reach all three.
 */
final class V3WsdlAddresses extends WSDLGetUtils {

	@Override
	protected void rewriteAddressProtocolHostPort(String base, Element port, String httpBasePath, String soapNS) {
		super.rewriteAddressProtocolHostPort(base, port, httpBasePath, soapNS);
		for (Element address : DOMUtils.findAllElementsByTagNameNS(port, soapNS, "address")) {
			String location = address.getAttribute("location");
			int path = location.indexOf(V3Endpoints.BASE);
			if (path < 0) {
				continue;
			}
			int servletEnd = base.indexOf(V3Endpoints.BASE);
			String servletBase = (servletEnd > 0) ? base.substring(0, servletEnd) : stripSlash(base);
			address.setAttribute("location", servletBase + location.substring(path));
		}
	}

	private static String stripSlash(String base) {
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}
}
