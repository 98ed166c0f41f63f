package org.xtaserver.xta.v3;

import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.soap.SOAPBinding;
import org.xtaserver.message.MessageMetadata;
import org.xtaserver.message.XtaError.Kind;
import org.xtaserver.security.Caller;
import org.xtaserver.send.SendService;
import org.xtaserver.send.Submission;
import org.xtaserver.wsdl.v3.GenericContentContainer;
import org.xtaserver.wsdl.v3.SendPortType;
import org.xtaserver.wsdl.v3.osci.X509TokenContainerType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;

/**
 * SendXtaPort of XTA 2 Version 3. The author is the one in the metadata; the client certificate
 * must be allowed to act as that author.
 */
@WebService(serviceName = "XTAService", portName = "SendXtaPort", targetNamespace = "http://xoev.de/transport/xta/211",
		endpointInterface = "org.xtaserver.wsdl.v3.SendPortType", wsdlLocation = V3Endpoints.WSDL)
@BindingType(SOAPBinding.SOAP12HTTP_MTOM_BINDING)
public class SendXtaPortImpl implements SendPortType {

	private static final V3Operation SEND = V3Operation.declaring("sendMessage", Kind.PERMISSION_DENIED,
			Kind.PARAMETER_NOT_VALID, Kind.SCHEMA_VIOLATION, Kind.SYNC_ASYNC);

	private static final V3Operation SEND_SYNC = V3Operation.declaring("sendMessageSync", Kind.PERMISSION_DENIED,
			Kind.PARAMETER_NOT_VALID, Kind.SCHEMA_VIOLATION, Kind.SYNC_ASYNC);

	private final SendService send;

	private final V3Callers callers;

	private final V3Metadata metadata;

	private final V3Content content;

	SendXtaPortImpl(SendService send, V3Callers callers, V3Metadata metadata, V3Content content) {
		this.send = send;
		this.callers = callers;
		this.metadata = metadata;
		this.content = content;
	}

	@Override
	public void sendMessage(GenericContentContainer genericContainer, MessageMetaData messageMetaData,
			X509TokenContainerType x509TokenContainer) {
		SEND.run(() -> {
			Submission submission = submission(genericContainer, messageMetaData);
			Caller caller = this.callers.authenticate(submission.metadata().author());
			this.send.send(caller, submission);
		});
	}

	@Override
	public void sendMessageSync(Holder<GenericContentContainer> genericContainer, Holder<MessageMetaData> messageMetaData,
			Holder<X509TokenContainerType> x509TokenContainer) {
		SEND_SYNC.run(() -> {
			Submission submission = submission(genericContainer.value, messageMetaData.value);
			Caller caller = this.callers.authenticate(submission.metadata().author());
			this.send.refuseSync(caller, submission);
		});
	}

	private Submission submission(GenericContentContainer container, MessageMetaData v3Metadata) {
		MessageMetadata domain = this.metadata.toDomain(v3Metadata);
		V3Content.Parts parts = this.content.toParts(container);
		return new Submission(domain, parts.kind(), parts.parts());
	}
}
