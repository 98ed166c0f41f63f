package org.xtaserver.xta.v3;

import jakarta.activation.DataSource;
import java.io.InputStream;
import java.io.OutputStream;
import org.xtaserver.store.MessageStore;

/** Streams one stored content part into an MTOM attachment without loading it. */
final class StoredContentDataSource implements DataSource {

	private final MessageStore store;

	private final long contentId;

	private final String contentType;

	StoredContentDataSource(MessageStore store, long contentId, String contentType) {
		this.store = store;
		this.contentId = contentId;
		this.contentType = contentType;
	}

	@Override
	public InputStream getInputStream() {
		return this.store.openContent(this.contentId);
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

	String declaredContentType() {
		return this.contentType;
	}
}
