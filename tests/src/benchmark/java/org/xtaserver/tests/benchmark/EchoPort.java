package org.xtaserver.tests.benchmark;

import jakarta.activation.DataHandler;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlMimeType;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * The baseline's whole contract: one operation that answers with the payload it was sent. The
 * payload is a {@link DataHandler} with an expected MIME type, as xta:ContentType carries message
 * content, so that with MTOM on it travels as an XOP attachment both ways, as XTA content does.
 */
@WebService(name = "EchoPortType", targetNamespace = EchoPort.NAMESPACE)
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface EchoPort {

	String NAMESPACE = "urn:xta-server:benchmark:echo";

	/** Path of the endpoint below the HTTPS root, beside where the XTA ports live. */
	String PATH = "/services/Echo";

	@WebMethod(operationName = "echo", action = "urn:xta-server:benchmark:echo:echo")
	@WebResult(name = "echoResponse", targetNamespace = NAMESPACE, partName = "response")
	EchoResponse echo(@WebParam(name = "echoRequest", targetNamespace = NAMESPACE, partName = "request") EchoRequest request);

	/** JAXB needs a mutable bean with a no-argument constructor here; a record cannot be bound. */
	@XmlRootElement(name = "echoRequest", namespace = NAMESPACE)
	@XmlAccessorType(XmlAccessType.FIELD)
	final class EchoRequest {

		@XmlElement(namespace = NAMESPACE, required = true)
		@XmlMimeType("application/octet-stream")
		private DataHandler payload;

		public EchoRequest() {
		}

		public EchoRequest(DataHandler payload) {
			this.payload = payload;
		}

		public DataHandler payload() {
			return this.payload;
		}
	}

	/** The answer, shaped like the request. */
	@XmlRootElement(name = "echoResponse", namespace = NAMESPACE)
	@XmlAccessorType(XmlAccessType.FIELD)
	final class EchoResponse {

		@XmlElement(namespace = NAMESPACE, required = true)
		@XmlMimeType("application/octet-stream")
		private DataHandler payload;

		public EchoResponse() {
		}

		public EchoResponse(DataHandler payload) {
			this.payload = payload;
		}

		public DataHandler payload() {
			return this.payload;
		}
	}
}
