package org.xtaserver.xta.v3;

import jakarta.activation.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.xtaserver.store.MessageStore;

/**
 * A small stored content part read completely while the operation runs, so that a failing
 * database surfaces inside the operation (as XTAWSTechnicalProblem) and not half-way through the
 * answer.
 */
final class PrefetchedContentDataSource implements DataSource {

	private final byte[] content;

	private final long contentId;

	private PrefetchedContentDataSource(byte[] content, long contentId) {
		this.content = content;
		this.contentId = contentId;
	}

	static PrefetchedContentDataSource read(MessageStore store, long contentId) {
		try (InputStream in = store.openContent(contentId)) {
			return new PrefetchedContentDataSource(in.readAllBytes(), contentId);
		}
		catch (IOException ex) {
			// Reading from the store failed: the same as the store being away, hence XTAWSTechnicalProblem.
			throw new DataAccessResourceFailureException("stored content " + contentId + " cannot be read", ex);
		}
	}

	@Override
	public InputStream getInputStream() {
		return new ByteArrayInputStream(this.content);
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
