package org.xtaserver.security.hardening;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests to the XTA ports that cannot be SOAP before any parsing: a POST whose
 * Content-Type is no SOAP type gets 415, a GET without a query (anything but {@code ?wsdl} and
 * {@code ?xsd=}) gets 405. Other methods are refused by CXF with 405.
 */
class SoapRequestFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		if ("POST".equals(method) && !isSoap(request.getContentType())) {
			response.setHeader("Connection", "close");
			response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
					"XTA ports accept application/soap+xml or multipart/related (MTOM)");
			return;
		}
		if ("GET".equals(method) && request.getQueryString() == null) {
			response.setHeader("Allow", "POST, GET (?wsdl)");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "XTA ports are called with POST");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isSoap(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.toLowerCase(Locale.ROOT).trim();
		return type.startsWith("application/soap+xml") || type.startsWith("multipart/related")
				|| type.startsWith("text/xml");
	}
}
