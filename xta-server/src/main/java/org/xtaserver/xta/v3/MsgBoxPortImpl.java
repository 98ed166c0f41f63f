package org.xtaserver.xta.v3;

import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.soap.SOAPBinding;
import java.math.BigInteger;
import java.util.List;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.XtaError;
import org.xtaserver.message.XtaError.Kind;
import org.xtaserver.msgbox.MsgBoxService;
import org.xtaserver.msgbox.MsgBoxService.FetchResult;
import org.xtaserver.msgbox.MsgBoxService.Selection;
import org.xtaserver.msgbox.MsgBoxService.StatusPage;
import org.xtaserver.security.Caller;
import org.xtaserver.wsdl.v3.GenericContentContainer;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.osci.MsgAttributeListType;
import org.xtaserver.wsdl.v3.osci.MsgBoxCloseRequestType;
import org.xtaserver.wsdl.v3.osci.MsgBoxFetchRequest;
import org.xtaserver.wsdl.v3.osci.MsgBoxGetNextRequestType;
import org.xtaserver.wsdl.v3.osci.MsgBoxResponseType;
import org.xtaserver.wsdl.v3.osci.MsgBoxStatusListRequestType;
import org.xtaserver.wsdl.v3.osci.MsgSelector;
import org.xtaserver.wsdl.v3.osci.MsgStatusListType;
import org.xtaserver.wsdl.v3.osci.TypeOfBusinessScenarioType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;
import org.xtaserver.wsdl.v3.oscimeta.PartyType;

/** MsgBoxPort of XTA 2 Version 3: the reader's postbox. The AuthorIdentifier names the postbox. */
@WebService(serviceName = "XTAService", portName = "MsgBoxPort", targetNamespace = "http://xoev.de/transport/xta/211",
		endpointInterface = "org.xtaserver.wsdl.v3.MsgBoxPortType", wsdlLocation = V3Endpoints.WSDL)
@BindingType(SOAPBinding.SOAP12HTTP_MTOM_BINDING)
public class MsgBoxPortImpl implements MsgBoxPortType {

	static final String REASONS = "http://www.osci.eu/ws/2008/05/transport/MsgBox/reasons/";

	static final String LIST_FORM_ATTRIBUTES = "MsgAtrributes";

	private static final V3Operation GET_MESSAGE = V3Operation.declaring("getMessage", Kind.PERMISSION_DENIED,
			Kind.INVALID_MESSAGE_ID);

	private static final V3Operation GET_NEXT_MESSAGE = V3Operation.declaring("getNextMessage", Kind.PERMISSION_DENIED,
			Kind.INVALID_MESSAGE_ID);

	private static final V3Operation STATUS_LIST = V3Operation.declaring("getStatusList", Kind.PERMISSION_DENIED);

	private static final V3Operation NEXT_STATUS_LIST = V3Operation.declaring("getNextStatusList", Kind.PERMISSION_DENIED);

	private static final V3Operation CLOSE = V3Operation.declaring("close", Kind.PERMISSION_DENIED, Kind.INVALID_MESSAGE_ID);

	private final MsgBoxService msgBox;

	private final V3Callers callers;

	private final V3Metadata metadata;

	private final V3Content content;

	MsgBoxPortImpl(MsgBoxService msgBox, V3Callers callers, V3Metadata metadata, V3Content content) {
		this.msgBox = msgBox;
		this.callers = callers;
		this.metadata = metadata;
		this.content = content;
	}

	@Override
	public GenericContentContainer getMessage(MsgBoxFetchRequest fetchRequest, PartyType authorIdentifier,
			Holder<MessageMetaData> messageMetaData, Holder<MsgBoxResponseType> fetchResponseHeader) {
		return GET_MESSAGE.call(() -> {
			Caller caller = this.callers.authenticate(authorIdentifier, "AuthorIdentifier");
			Selection selection = selection(fetchRequest == null ? null : fetchRequest.getMsgSelector());
			FetchResult result = this.msgBox.fetch(caller, selection);
			return fetched(result, messageMetaData, fetchResponseHeader);
		});
	}

	@Override
	public GenericContentContainer getNextMessage(MsgBoxGetNextRequestType fetchRequest, PartyType authorIdentifier,
			Holder<MessageMetaData> messageMetaData, Holder<MsgBoxResponseType> fetchResponseHeader) {
		return GET_NEXT_MESSAGE.call(() -> {
			Caller caller = this.callers.authenticate(authorIdentifier, "AuthorIdentifier");
			if (fetchRequest == null) {
				throw XtaError.MISSING_PARAMETER.failure("MsgBoxGetNextRequest");
			}
			FetchResult result = this.msgBox.fetchNext(caller, fetchRequest.getMsgBoxRequestID(),
					ids(fetchRequest.getLastMsgReceived()));
			return fetched(result, messageMetaData, fetchResponseHeader);
		});
	}

	private GenericContentContainer fetched(FetchResult result, Holder<MessageMetaData> messageMetaData,
			Holder<MsgBoxResponseType> header) {
		if (result.message().isEmpty()) {
			// The operation has no "empty" answer: a postbox without a matching message is an invalid id.
			throw XtaError.UNKNOWN_MESSAGE_ID.failure("no message available");
		}
		StoredMessage message = result.message().get();
		messageMetaData.value = this.metadata.forReader(message);
		header.value = response(result.requestId(), result.remaining());
		return this.content.toV3(message, result.contents());
	}

	@Override
	public MsgStatusListType getStatusList(MsgBoxStatusListRequestType fetchRequest, PartyType authorIdentifier,
			Holder<MsgBoxResponseType> fetchResponseHeader) {
		return STATUS_LIST.call(() -> {
			Caller caller = this.callers.authenticate(authorIdentifier, "AuthorIdentifier");
			Selection selection = selection(fetchRequest == null ? null : fetchRequest.getMsgSelector());
			int max = (fetchRequest == null || fetchRequest.getMaxListItems() == null) ? 0
					: fetchRequest.getMaxListItems().min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
			String listForm = (fetchRequest == null) ? null : fetchRequest.getListForm();
			StatusPage page = this.msgBox.statusList(caller, selection, max, listForm);
			fetchResponseHeader.value = listResponse(page);
			return statusList(page, listForm);
		});
	}

	@Override
	public MsgStatusListType getNextStatusList(MsgBoxGetNextRequestType fetchRequest, PartyType authorIdentifier,
			Holder<MsgBoxResponseType> fetchResponseHeader) {
		return NEXT_STATUS_LIST.call(() -> {
			Caller caller = this.callers.authenticate(authorIdentifier, "AuthorIdentifier");
			String requestId = (fetchRequest == null) ? null : fetchRequest.getMsgBoxRequestID();
			StatusPage page = this.msgBox.nextStatusList(caller, requestId);
			fetchResponseHeader.value = listResponse(page);
			return statusList(page, null);
		});
	}

	@Override
	public void close(MsgBoxCloseRequestType fetchRequest, PartyType authorIdentifier) {
		CLOSE.run(() -> {
			Caller caller = this.callers.authenticate(authorIdentifier, "AuthorIdentifier");
			if (fetchRequest == null) {
				throw XtaError.MISSING_PARAMETER.failure("MsgBoxCloseRequest");
			}
			this.msgBox.close(caller, ids(fetchRequest.getLastMsgReceived()));
		});
	}

	private static Selection selection(MsgSelector selector) {
		if (selector == null) {
			return Selection.any();
		}
		return new Selection(ids(selector.getMessageID()), V3Times.toInstant(selector.getMsgBoxEntryTimeFrom()),
				V3Times.toInstant(selector.getMsgBoxEntryTimeTo()), selector.isNewEntry());
	}

	private static List<MessageId> ids(List<AttributedURIType> uris) {
		return uris.stream().map(V3Metadata::messageId).toList();
	}

	private static MsgBoxResponseType listResponse(StatusPage page) {
		if (page.state() == MsgBoxService.RequestState.INVALID) {
			return noMessage(page.requestId(), "RequestIdInvalid");
		}
		if (page.messages().isEmpty()) {
			return noMessage(page.requestId(), "NoMatch");
		}
		return response(page.requestId(), page.remaining());
	}

	private static MsgBoxResponseType response(String requestId, long remaining) {
		MsgBoxResponseType response = new MsgBoxResponseType();
		response.setMsgBoxRequestID(requestId);
		response.setItemsPending(BigInteger.valueOf(remaining));
		return response;
	}

	private static MsgBoxResponseType noMessage(String requestId, String reason) {
		MsgBoxResponseType response = new MsgBoxResponseType();
		response.setMsgBoxRequestID(requestId);
		MsgBoxResponseType.NoMessageAvailable none = new MsgBoxResponseType.NoMessageAvailable();
		none.setReason(REASONS + reason);
		response.setNoMessageAvailable(none);
		return response;
	}

	private MsgStatusListType statusList(StatusPage page, String listForm) {
		MsgStatusListType list = new MsgStatusListType();
		for (StoredMessage message : page.messages()) {
			if (LIST_FORM_ATTRIBUTES.equals(listForm)) {
				list.getMsgAttributes().add(attributes(message));
			}
			else {
				list.getMessageMetaData().add(this.metadata.forReader(message));
			}
		}
		return list;
	}

	private static MsgAttributeListType attributes(StoredMessage message) {
		MsgAttributeListType attributes = new MsgAttributeListType();
		attributes.setMessageID(V3Metadata.toV3(message.id()));
		TypeOfBusinessScenarioType scenario = new TypeOfBusinessScenarioType();
		scenario.setValue(message.metadata().service() == null ? "urn:xtaserver:unknown" : message.metadata().service());
		attributes.setTypeOfBusinessScenario(scenario);
		attributes.setMsgSize((int) Math.min(Integer.MAX_VALUE, message.contentSize()));
		attributes.setDeliveryTime(V3Times.toV3(message.deliveredAt()));
		attributes.setInitialFetchedTime(V3Times.toV3(message.initialFetchAt()));
		return attributes;
	}
}
