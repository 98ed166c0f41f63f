package org.xtaserver.xta.v3;

import org.apache.cxf.frontend.WSDLGetUtils;
import org.w3c.dom.Element;

/**
 * Gives every port in {@code ?wsdl} its real address. CXF rewrites only the requested port; the
 * other two keep their publish path ({@code /XTAService/...}), which this resolves against the
 * servlet base of the request, so that clients generated from any port's WSDL reach all three.
 */
final class V3WsdlAddresses extends WSDLGetUtils {

	@Override
	protected void rewriteAddressProtocolHostPort(String base, Element el, String httpBasePathProp, String soapNS) {
		String location = el.getAttribute("location");
		int servlet = base.indexOf(V3Endpoints.BASE);
		if (location.startsWith(V3Endpoints.BASE) && servlet > 0) {
			el.setAttribute("location", base.substring(0, servlet) + location);
			return;
		}
		super.rewriteAddressProtocolHostPort(base, el, httpBasePathProp, soapNS);
	}
}
