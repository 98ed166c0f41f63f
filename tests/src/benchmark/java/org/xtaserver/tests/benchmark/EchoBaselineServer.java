package org.xtaserver.tests.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

import org.apache.cxf.attachment.ByteDataSource;

/**
 * The baseline of the round-trip benchmark: a bare CXF JAX-WS endpoint that only echoes its
 * payload, on the stack the XTA server uses ({@link BaselineStack}: SOAP 1.2, MTOM, WS-Addressing
 * required, the same TLS and attachment settings). What the XTA server adds on top (its richer
 * messages, authentication of the caller, tenants, storage in MariaDB) is what the benchmark
 * weighs. Arguments as {@link BaselineStack#serve}; prints {@value #READY} and the port.
 */
public final class EchoBaselineServer {

	/** Printed, followed by the port, once the endpoint answers. */
	public static final String READY = "ECHO-BASELINE READY port=";

	private EchoBaselineServer() {
	}

	public static void main(String[] args) throws Exception {
		BaselineStack.serve(args, READY, Map.of(EchoPort.PATH.substring("/services".length()), new Echo()));
	}

	/** Reads the whole payload, as a service that does something with it must, and sends it back. */
	@WebService(serviceName = "EchoService", portName = "EchoPort", targetNamespace = EchoPort.NAMESPACE,
			endpointInterface = "org.xtaserver.tests.benchmark.EchoPort")
	@BindingType(SOAPBinding.SOAP12HTTP_MTOM_BINDING)
	public static final class Echo implements EchoPort {

		@Override
		public EchoResponse echo(EchoRequest request) {
			byte[] payload;
			try (InputStream in = request.payload().getInputStream()) {
				payload = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the payload", ex);
			}
			return new EchoResponse(new DataHandler(new ByteDataSource(payload, "application/octet-stream")));
		}
	}
}
