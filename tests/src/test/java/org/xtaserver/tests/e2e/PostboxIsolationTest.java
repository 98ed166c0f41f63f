package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.xml.ws.Holder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.PermissionDeniedException;
import org.xtaserver.wsdl.v3.osci.MsgBoxResponseType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;

/**
 * Postboxes are isolated: a client certificate of one demo party cannot read another party's
 * postbox, neither by naming the other party as AuthorIdentifier nor by naming a message of the
 * other postbox under its own identity. Each case is PermissionDenied with an error code.
 */
@ExtendWith(XtaServerExtension.class)
class PostboxIsolationTest {

	static DemoIdentity owner;

	static DemoIdentity intruder;

	static V3.Sent message;

	static MsgBoxPortType intruderMsgBox;

	static MsgBoxPortType ownerMsgBox;

	@BeforeAll
	static void aMessageWaitsInTheOwnersPostbox(XtaServer server) throws Exception {
		intruder = server.identity(0);
		owner = server.identity(1);
		XtaClients clients = XtaClients.of(server);
		message = V3.sendSmall(clients.management(intruder), clients.send(intruder), intruder, owner,
				DemoTenants.serviceOf(server, owner.party()), "isolation");
		intruderMsgBox = clients.msgBox(intruder);
		ownerMsgBox = clients.msgBox(owner);
	}

	@AfterAll
	static void theOwnerTakesTheMessage() throws Exception {
		if (ownerMsgBox != null && message != null) {
			V3.Fetched fetched = V3.fetch(ownerMsgBox, owner, message.messageId());
			ownerMsgBox.close(V3.closeRequest(fetched.response().getMsgBoxRequestID(), message.messageId()),
					V3.party(owner));
		}
	}

	@Test
	void theOwnerSeesTheMessageInItsPostbox() throws Exception {
		assertThat(V3.listedIds(ownerMsgBox, owner)).contains(message.messageId());
	}

	@Test
	void getStatusListAsTheOtherPartyIsPermissionDenied() {
		PermissionDeniedException denied = catchThrowableOfType(PermissionDeniedException.class,
				() -> intruderMsgBox.getStatusList(V3.statusListRequest(null), V3.party(owner), new Holder<>()));
		assertHasErrorCode(denied);
	}

	@Test
	void getMessageAsTheOtherPartyIsPermissionDenied() {
		PermissionDeniedException denied = catchThrowableOfType(PermissionDeniedException.class,
				() -> intruderMsgBox.getMessage(V3.fetchRequest(message.messageId()), V3.party(owner),
						new Holder<MessageMetaData>(), new Holder<MsgBoxResponseType>()));
		assertHasErrorCode(denied);
	}

	@Test
	void closeAsTheOtherPartyIsPermissionDenied() {
		PermissionDeniedException denied = catchThrowableOfType(PermissionDeniedException.class,
				() -> intruderMsgBox.close(V3.closeRequest("urn:de:xta:msgbox:request:foreign", message.messageId()),
						V3.party(owner)));
		assertHasErrorCode(denied);
	}

	@Test
	void getMessageOfAForeignMessageUnderTheOwnIdentityIsPermissionDenied() {
		PermissionDeniedException denied = catchThrowableOfType(PermissionDeniedException.class,
				() -> intruderMsgBox.getMessage(V3.fetchRequest(message.messageId()), V3.party(intruder),
						new Holder<MessageMetaData>(), new Holder<MsgBoxResponseType>()));
		assertHasErrorCode(denied);
	}

	@Test
	void closeOfAForeignMessageUnderTheOwnIdentityIsPermissionDenied() {
		PermissionDeniedException denied = catchThrowableOfType(PermissionDeniedException.class,
				() -> intruderMsgBox.close(V3.closeRequest("urn:de:xta:msgbox:request:foreign", message.messageId()),
						V3.party(intruder)));
		assertHasErrorCode(denied);
	}

	@Test
	void aDeniedGetMessageDoesNotCountAsFetchSoTheAuthorCanStillCancel(XtaServer server) throws Exception {
		XtaClients clients = XtaClients.of(server);
		V3.Sent other = V3.sendSmall(clients.management(intruder), clients.send(intruder), intruder, owner,
				DemoTenants.serviceOf(server, owner.party()), "isolation-cancel");
		assertHasErrorCode(catchThrowableOfType(PermissionDeniedException.class,
				() -> intruderMsgBox.getMessage(V3.fetchRequest(other.messageId()), V3.party(owner),
						new Holder<MessageMetaData>(), new Holder<MsgBoxResponseType>())));

		clients.management(intruder).cancelMessage(V3.uri(other.messageId()), V3.party(intruder));

		assertThat(V3.listedIds(ownerMsgBox, owner)).as("owner's postbox after the cancellation")
			.doesNotContain(other.messageId());
	}

	private static void assertHasErrorCode(PermissionDeniedException denied) {
		assertThat(denied).as("PermissionDeniedException").isNotNull();
		assertThat(denied.getFaultInfo()).as("fault detail xta:PermissionDeniedException").isNotNull();
		assertThat(denied.getFaultInfo().getErrorCode().getCode()).as("errorCode/code").isNotBlank();
	}
}
