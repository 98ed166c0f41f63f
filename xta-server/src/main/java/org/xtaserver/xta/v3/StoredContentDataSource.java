package org.xtaserver.xta.v3;

import jakarta.activation.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.xtaserver.store.MessageStore;

/**
 * One stored content part as an MTOM attachment: either streamed from the store while the answer
 * is written (large content, never loaded), or read completely while the operation still runs
 * (small content), so that a failing database surfaces inside the operation as
 * XTAWSTechnicalProblem and not half-way through the answer.
 */
final class StoredContentDataSource implements DataSource {

	private final MessageStore store;

	private final long contentId;

	/** The content read in advance; {@code null} when it streams from the store. */
	private final byte[] prefetched;

	private StoredContentDataSource(MessageStore store, long contentId, byte[] prefetched) {
		this.store = store;
		this.contentId = contentId;
		this.prefetched = prefetched;
	}

	static StoredContentDataSource streaming(MessageStore store, long contentId) {
		return new StoredContentDataSource(store, contentId, null);
	}

	/** Content already read, with the message ({@code MessageWithSmallContent}). */
	static StoredContentDataSource read(MessageStore store, long contentId, byte[] content) {
		return new StoredContentDataSource(store, contentId, content);
	}

	static StoredContentDataSource prefetched(MessageStore store, long contentId) {
		try (InputStream in = store.openContent(contentId)) {
			return new StoredContentDataSource(store, contentId, in.readAllBytes());
		}
		catch (IOException ex) {
			// Reading from the store failed: the same as the store being away.
			throw new DataAccessResourceFailureException("stored content " + contentId + " cannot be read", ex);
		}
	}

	@Override
	public InputStream getInputStream() {
		return (this.prefetched != null) ? new ByteArrayInputStream(this.prefetched) : this.store.openContent(this.contentId);
	}

	@Override
	public OutputStream getOutputStream() {
		throw new UnsupportedOperationException("stored content is read-only");
	}

	@Override
	public String getContentType() {
		return "application/octet-stream";
	}

	@Override
	public String getName() {
		return "content-" + this.contentId;
	}
}
