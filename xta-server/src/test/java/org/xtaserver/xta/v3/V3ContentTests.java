package org.xtaserver.xta.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.xtaserver.message.ContentKind;
import org.xtaserver.message.MessageSource;
import org.xtaserver.message.PartAttributes;
import org.xtaserver.message.PartRole;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.StoredPart;
import org.xtaserver.store.DelegatingMessageStore;
import org.xtaserver.wsdl.v3.GenericContentContainer;

/**
 * Where a failing database shows when a message is answered: small content is read while the
 * operation runs (so the failure becomes the declared fault), large content streams later.
 */
class V3ContentTests {

	private static final long PREFETCH = 1024;

	private final AtomicBoolean databaseUp = new AtomicBoolean(true);

	private final DelegatingMessageStore store = new DelegatingMessageStore(null) {
		@Override
		public InputStream openContent(long contentId) {
			if (!V3ContentTests.this.databaseUp.get()) {
				throw new DataAccessResourceFailureException("database away");
			}
			return new ByteArrayInputStream(("content " + contentId).getBytes());
		}
	};

	private final V3Content content = new V3Content(this.store, null, -1, PREFETCH);

	@Test
	void smallContentIsReadBeforeTheAnswerSoADatabaseFailureSurfacesInTheOperation() throws Exception {
		GenericContentContainer answer = this.content.toV3(message(PREFETCH / 2, PREFETCH / 2));
		this.databaseUp.set(false);
		assertThat(answer.getContentContainer().getMessage().getValue().getInputStream().readAllBytes())
			.as("already read while the database was up")
			.isEqualTo("content 1".getBytes());

		assertThatThrownBy(() -> this.content.toV3(message(PREFETCH / 2, PREFETCH / 2)))
			.isInstanceOf(DataAccessResourceFailureException.class);
	}

	@Test
	void largeContentStreamsFromTheStoreWhenTheAnswerIsWritten() {
		this.databaseUp.set(false);
		GenericContentContainer answer = this.content.toV3(message(PREFETCH, 1));
		assertThatThrownBy(() -> answer.getContentContainer().getMessage().getValue().getInputStream())
			.as("read only when written, after the operation")
			.isInstanceOf(DataAccessResourceFailureException.class);
	}

	private static StoredMessage message(long messageSize, long attachmentSize) {
		PartAttributes attributes = new PartAttributes("text/xml", null, null, "n.xml", null, null, null);
		List<StoredPart> parts = List.of(new StoredPart(1, PartRole.MESSAGE, attributes, 1, messageSize),
				new StoredPart(2, PartRole.ATTACHMENT, attributes, 2, attachmentSize));
		return new StoredMessage(1, null, MessageSource.XTA, null, null, ContentKind.PLAIN, messageSize + attachmentSize,
				parts, null, null, null, null, null, null);
	}
}
