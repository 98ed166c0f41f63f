package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.UUID;

import jakarta.xml.ws.Holder;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;
import org.xtaserver.wsdl.v3.CancelDeniedException;
import org.xtaserver.wsdl.v3.GenericContentContainer;
import org.xtaserver.wsdl.v3.InvalidMessageIDException;
import org.xtaserver.wsdl.v3.LookupServiceRequest;
import org.xtaserver.wsdl.v3.LookupServiceResponse;
import org.xtaserver.wsdl.v3.LookupServiceType;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;
import org.xtaserver.wsdl.v3.SyncAsyncException;
import org.xtaserver.wsdl.v3.TransportReport;
import org.xtaserver.wsdl.v3.osci.MsgBoxResponseType;
import org.xtaserver.wsdl.v3.osci.X509TokenContainerType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;

/**
 * The life of a message through the project's own client classes: accepted, listed, fetched
 * (still listed), closed (no longer listed, reported as delivered), and cancellation before and
 * after the fetch. Runs without the official XTA files; the conformance tests repeat the cycle
 * with a client generated from the official WSDL.
 */
@ExtendWith(XtaServerExtension.class)
class MessageLifecycleTest {

	static XtaServer server;

	static DemoIdentity author;

	static DemoIdentity reader;

	static String service;

	static ManagementPortType management;

	static SendPortType send;

	static MsgBoxPortType readerBox;

	@BeforeAll
	static void clients(XtaServer running) {
		server = running;
		author = server.identity(0);
		reader = server.identity(1);
		service = DemoTenants.serviceOf(server, reader.party());
		XtaClients clients = XtaClients.of(server);
		management = clients.management(author);
		send = clients.send(author);
		readerBox = clients.msgBox(reader);
	}

	@Test
	void createMessageIdReturnsADistinctUrnOnEveryCall() throws Exception {
		String first = management.createMessageId(V3.party(author)).getValue();
		String second = management.createMessageId(V3.party(author)).getValue();

		assertThat(first).startsWith("urn:").isNotEqualTo(second);
		assertThat(second).startsWith("urn:");
	}

	@Test
	void checkAccountActiveAnswersWithoutFaultForADemoParty() throws Exception {
		management.checkAccountActive(V3.party(author));
		XtaClients.of(server).management(reader).checkAccountActive(V3.party(reader));
		assertThat(server.isRunning()).isTrue();
	}

	@Test
	void aSentMessageIsListedFetchedByteForByteStillListedUntilClosedAndThenReportedDelivered() throws Exception {
		V3.Sent sent = V3.sendSmall(management, send, author, reader, service, "lifecycle");
		assertThat(V3.listedIds(readerBox, reader)).as("listed before the fetch").contains(sent.messageId());

		V3.Fetched fetched = V3.fetch(readerBox, reader, sent.messageId());
		assertThat(fetched.messageId()).isEqualTo(sent.messageId());
		assertThat(fetched.metadata().getOriginators().getAuthor().getIdentifier().getValue())
			.isEqualTo(author.party().value());
		assertThat(fetched.metadata().getDestinations().getReader().getIdentifier().getValue())
			.isEqualTo(reader.party().value());
		assertThat(fetched.metadata().getQualifier().getService()).isEqualTo(service);
		assertThat(fetched.message()).isEqualTo(sent.message());
		assertThat(fetched.attachments()).singleElement().isEqualTo(sent.attachment());
		assertThat(fetched.response().getMsgBoxRequestID()).as("MsgBoxResponse/@MsgBoxRequestID").isNotBlank();
		assertThat(V3.listedIds(readerBox, reader)).as("listed after the fetch, before close")
			.contains(sent.messageId());

		readerBox.close(V3.closeRequest(fetched.response().getMsgBoxRequestID(), sent.messageId()), V3.party(reader));

		assertThat(V3.listedIds(readerBox, reader)).as("listed after close").doesNotContain(sent.messageId());
		TransportReport report = management.getTransportReport(V3.uri(sent.messageId()), V3.party(author));
		assertThat(report.getMessageMetaData().getMsgIdentification().getMessageID().getValue())
			.isEqualTo(sent.messageId());
		assertThat(report.getXTAServerIdentity()).isNotBlank();
		assertThat(report.getReportTime()).isNotNull();
		assertThat(report.getMessageMetaData().getDeliveryAttributes().getReception())
			.as("DeliveryAttributes/Reception of a closed message")
			.isNotNull();
		assertThat(report.getMessageStatus().getStatus()).as("MessageStatus/Status of a closed message (1 = green)")
			.isEqualTo(BigInteger.ONE);
	}

	@Test
	void aMessageCancelledBeforeTheFetchLeavesThePostbox() throws Exception {
		V3.Sent sent = V3.sendSmall(management, send, author, reader, service, "cancel-early");
		assertThat(V3.listedIds(readerBox, reader)).contains(sent.messageId());

		management.cancelMessage(V3.uri(sent.messageId()), V3.party(author));

		assertThat(V3.listedIds(readerBox, reader)).doesNotContain(sent.messageId());
	}

	@Test
	void aFetchedMessageCannotBeCancelled() throws Exception {
		V3.Sent sent = V3.sendSmall(management, send, author, reader, service, "cancel-late");
		V3.Fetched fetched = V3.fetch(readerBox, reader, sent.messageId());

		CancelDeniedException denied = catchThrowableOfType(CancelDeniedException.class,
				() -> management.cancelMessage(V3.uri(sent.messageId()), V3.party(author)));

		assertThat(denied).isNotNull();
		assertThat(denied.getFaultInfo().getErrorCode().getCode()).isNotBlank();
		assertThat(V3.fetch(readerBox, reader, sent.messageId()).message()).as("still delivered to the reader")
			.isEqualTo(sent.message());
		readerBox.close(V3.closeRequest(fetched.response().getMsgBoxRequestID(), sent.messageId()), V3.party(reader));
	}

	@Test
	void getTransportReportOfAnUnknownMessageIdIsInvalidMessageId() {
		InvalidMessageIDException invalid = catchThrowableOfType(InvalidMessageIDException.class,
				() -> management.getTransportReport(V3.uri("urn:de:xta:messageid:unknown:" + UUID.randomUUID()),
						V3.party(author)));

		assertThat(invalid).isNotNull();
		assertThat(invalid.getFaultInfo().getErrorCode().getCode()).isNotBlank();
	}

	@Test
	void sendMessageSyncIsAnsweredWithSyncAsync() throws Exception {
		String id = management.createMessageId(V3.party(author)).getValue();
		Holder<GenericContentContainer> container = new Holder<>(
				V3.container(V3.content("sync?".getBytes(), "text/plain", "sync.txt")));
		Holder<MessageMetaData> metadata = new Holder<>(V3.metadata(id, author, reader, service));
		Holder<X509TokenContainerType> tokens = new Holder<>();

		SyncAsyncException refused = catchThrowableOfType(SyncAsyncException.class,
				() -> send.sendMessageSync(container, metadata, tokens));

		assertThat(refused).isNotNull();
		assertThat(refused.getFaultInfo().getErrorCode().getCode()).isNotBlank();
	}

	@Test
	void lookupServiceReportsTheServiceOfADemoPostboxAsAvailable() throws Exception {
		LookupServiceType lookup = new LookupServiceType();
		lookup.setReader(V3.party(reader));
		lookup.setServiceType(service);
		LookupServiceRequest.LookupServiceRequestList entry = new LookupServiceRequest.LookupServiceRequestList();
		entry.setLookupService(lookup);
		LookupServiceRequest request = new LookupServiceRequest();
		request.getLookupServiceRequestList().add(entry);

		LookupServiceResponse response = management.lookupService(request, V3.party(author));

		assertThat(response.getLookupServiceResultList().getLookupServiceResult()).singleElement()
			.satisfies((result) -> assertThat(result.getIsServiceAvailableValue().isServiceIsAvailable())
				.as("ServiceIsAvailable")
				.isTrue());
	}

	@Test
	void aStatusListLimitedToOneItemReportsThePendingRest() throws Exception {
		V3.Sent first = V3.sendSmall(management, send, author, reader, service, "paging-1");
		V3.Sent second = V3.sendSmall(management, send, author, reader, service, "paging-2");
		Holder<MsgBoxResponseType> response = new Holder<>();

		var page = readerBox.getStatusList(V3.statusListRequest(1), V3.party(reader), response);

		assertThat(V3.ids(page)).hasSize(1);
		assertThat(response.value.getItemsPending()).as("MsgBoxResponse/ItemsPending").isNotNull().isPositive();
		assertThat(response.value.getNoMessageAvailable()).isNull();
		management.cancelMessage(V3.uri(first.messageId()), V3.party(author));
		management.cancelMessage(V3.uri(second.messageId()), V3.party(author));
	}
}
