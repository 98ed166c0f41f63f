package org.xtaserver.security.hardening;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Gives the application a way to drop a connection at once. A servlet can only fail a read; Tomcat
 * would then still drain the rest of the request body ({@code server.tomcat.max-swallow-size} is
 * unlimited for large MTOM uploads), which is exactly what a trickling client wants.
 */
class ConnectionCloserValve extends ValveBase {

	static final String ATTRIBUTE = ConnectionCloserValve.class.getName();

	ConnectionCloserValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		request.setAttribute(ATTRIBUTE, (Runnable) () -> request.getCoyoteRequest().action(ActionCode.CLOSE_NOW, null));
		getNext().invoke(request, response);
	}

	/** Closes the request's connection without draining or answering; no-op outside Tomcat. */
	static void closeNow(ServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof Runnable closer) {
			closer.run();
		}
	}
}
