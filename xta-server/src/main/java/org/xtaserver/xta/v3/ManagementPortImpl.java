package org.xtaserver.xta.v3;

import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.xtaserver.management.ManagementService;
import org.xtaserver.management.ServiceLookup;
import org.xtaserver.management.ServiceLookupResult;
import org.xtaserver.message.MessageStatus;
import org.xtaserver.message.TransportEvent;
import org.xtaserver.message.XtaError;
import org.xtaserver.message.XtaError.Kind;
import org.xtaserver.security.Caller;
import org.xtaserver.tenant.ServiceParameter;
import org.xtaserver.wsdl.v3.CodeRecordType;
import org.xtaserver.wsdl.v3.CodeServiceParameterType;
import org.xtaserver.wsdl.v3.IsServiceAvailableValueType;
import org.xtaserver.wsdl.v3.LookupServiceRequest;
import org.xtaserver.wsdl.v3.LookupServiceResponse;
import org.xtaserver.wsdl.v3.LookupServiceResultType;
import org.xtaserver.wsdl.v3.LookupServiceType;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MessageStatusType;
import org.xtaserver.wsdl.v3.RecordType;
import org.xtaserver.wsdl.v3.TransportReport;
import org.xtaserver.wsdl.v3.oscimeta.PartyType;

/** ManagementPort of XTA 2 Version 3: maps to {@link ManagementService}. */
@WebService(serviceName = "XTAService", portName = "ManagementPort", targetNamespace = "http://xoev.de/transport/xta/211",
		endpointInterface = "org.xtaserver.wsdl.v3.ManagementPortType", wsdlLocation = V3Endpoints.WSDL)
@BindingType(SOAPBinding.SOAP12HTTP_MTOM_BINDING)
public class ManagementPortImpl implements ManagementPortType {

	/** Our own code list for the entries of a transport report's status history. */
	static final String STATUS_CODE_LIST = "urn:xtaserver:codeliste:transport-status";

	static final String SERVICE_PARAMETER_CODE_LIST = "urn:de:xta:webservice:codeliste:service.parameter.type";

	private static final V3Operation CREATE_MESSAGE_ID = V3Operation.declaring("createMessageId", Kind.PERMISSION_DENIED);

	private static final V3Operation CHECK_ACCOUNT = V3Operation.declaring("checkAccountActive", Kind.PERMISSION_DENIED);

	private static final V3Operation LOOKUP = V3Operation.declaring("lookupService", Kind.PERMISSION_DENIED,
			Kind.PARAMETER_NOT_VALID);

	private static final V3Operation CANCEL = V3Operation.declaring("cancelMessage", Kind.PERMISSION_DENIED,
			Kind.PARAMETER_NOT_VALID, Kind.CANCEL_DENIED);

	private static final V3Operation REPORT = V3Operation.declaring("getTransportReport", Kind.PERMISSION_DENIED,
			Kind.INVALID_MESSAGE_ID);

	private final ManagementService management;

	private final V3Callers callers;

	private final V3Metadata metadata;

	ManagementPortImpl(ManagementService management, V3Callers callers, V3Metadata metadata) {
		this.management = management;
		this.callers = callers;
		this.metadata = metadata;
	}

	@Override
	public AttributedURIType createMessageId(PartyType authorIdentifier) {
		return CREATE_MESSAGE_ID.call(() -> {
			Caller caller = this.callers.authenticate(authorIdentifier, "AuthorIdentifier");
			return V3Metadata.toV3(this.management.createMessageId(caller));
		});
	}

	@Override
	public void checkAccountActive(PartyType authorIdentifier) {
		CHECK_ACCOUNT.run(() -> this.management.checkAccount(this.callers.authenticate(authorIdentifier, "AuthorIdentifier")));
	}

	@Override
	public LookupServiceResponse lookupService(LookupServiceRequest request, PartyType authorIdentifier) {
		return LOOKUP.call(() -> {
			Caller caller = this.callers.authenticate(authorIdentifier, "AuthorIdentifier");
			if (request == null) {
				throw XtaError.MISSING_PARAMETER.failure("LookupServiceRequest");
			}
			List<ServiceLookup> lookups = request.getLookupServiceRequestList().stream().map((entry) -> {
				LookupServiceType lookup = entry.getLookupService();
				if (lookup == null || lookup.getServiceType() == null) {
					throw XtaError.MISSING_PARAMETER.failure("LookupService/ServiceType");
				}
				return new ServiceLookup(V3Parties.toDomain(lookup.getReader(), "LookupService/Reader"),
						lookup.getServiceType());
			}).toList();
			LookupServiceResponse.LookupServiceResultList list = new LookupServiceResponse.LookupServiceResultList();
			for (ServiceLookupResult result : this.management.lookupServices(caller, lookups)) {
				list.getLookupServiceResult().add(toV3(result));
			}
			LookupServiceResponse response = new LookupServiceResponse();
			response.setLookupServiceResultList(list);
			return response;
		});
	}

	private static LookupServiceResultType toV3(ServiceLookupResult result) {
		LookupServiceResultType v3 = new LookupServiceResultType();
		v3.setReader(V3Parties.toV3(result.lookup().reader()));
		v3.setServiceType(result.lookup().service());
		IsServiceAvailableValueType available = new IsServiceAvailableValueType();
		available.setServiceIsAvailable(result.available());
		v3.setIsServiceAvailableValue(available);
		for (ServiceParameter parameter : result.parameters()) {
			LookupServiceResultType.ServiceParameter p = new LookupServiceResultType.ServiceParameter();
			CodeServiceParameterType type = new CodeServiceParameterType();
			type.setCode(parameter.type());
			type.setListURI(SERVICE_PARAMETER_CODE_LIST);
			type.setListVersionID("1.0");
			p.setParameterType(type);
			p.setResource(new DataHandler(parameter.value().getBytes(StandardCharsets.UTF_8), "application/octet-stream"));
			v3.getServiceParameter().add(p);
		}
		return v3;
	}

	@Override
	public void cancelMessage(AttributedURIType messageID, PartyType authorIdentifier) {
		CANCEL.run(() -> {
			Caller caller = this.callers.authenticate(authorIdentifier, "AuthorIdentifier");
			this.management.cancel(caller, V3Metadata.messageId(messageID));
		});
	}

	@Override
	public TransportReport getTransportReport(AttributedURIType messageID, PartyType authorIdentifier) {
		return REPORT.call(() -> {
			Caller caller = this.callers.authenticate(authorIdentifier, "AuthorIdentifier");
			org.xtaserver.management.TransportReport report = this.management.transportReport(caller,
					V3Metadata.messageId(messageID));
			TransportReport v3 = new TransportReport();
			v3.setMessageMetaData(this.metadata.forReader(report.message()));
			v3.setReportTime(V3Times.toV3(report.reportTime()));
			v3.setXTAServerIdentity(report.serverIdentity());
			v3.setMessageStatus(status(report));
			return v3;
		});
	}

	/** Status 0 (open), 1 (green: closed), 2 (yellow: cancelled), 3 (red: failed); history as info records. */
	private static MessageStatusType status(org.xtaserver.management.TransportReport report) {
		MessageStatusType status = new MessageStatusType();
		MessageStatus current = report.message().status();
		status.setStatus(BigInteger.valueOf(switch (current) {
			case CLOSED -> 1;
			case CANCELLED -> 2;
			case FAILED -> 3;
			default -> 0;
		}));
		MessageStatusType.InfoList info = new MessageStatusType.InfoList();
		for (TransportEvent event : report.history()) {
			RecordType record = new RecordType();
			record.setTimestamp(V3Times.toV3(event.at()));
			CodeRecordType code = new CodeRecordType();
			code.setCode(event.status().name());
			code.setListURI(STATUS_CODE_LIST);
			code.setListVersionID("1.0");
			record.setCode(code);
			record.setReason(event.detail() == null ? event.status().name() : event.status().name() + ": " + event.detail());
			info.getInfo().add(record);
		}
		status.setInfoList(info);
		return status;
	}
}
