package org.xtaserver.send;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.xtaserver.message.XtaError;

/**
 * Counts content while the store reads it: stops a message at the size limit (shared by all parts
 * of one message) and, at the end, checks a declared part size.
 */
final class CheckedContentStream extends FilterInputStream {

	private final AtomicLong messageTotal;

	private final long maxMessageBytes;

	private final Long declaredSize;

	private long count;

	CheckedContentStream(InputStream in, AtomicLong messageTotal, long maxMessageBytes, Long declaredSize) {
		super(in);
		this.messageTotal = messageTotal;
		this.maxMessageBytes = maxMessageBytes;
		this.declaredSize = declaredSize;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b < 0) {
			atEnd();
		}
		else {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		if (n < 0) {
			atEnd();
		}
		else {
			counted(n);
		}
		return n;
	}

	private void counted(int n) {
		this.count += n;
		if (this.messageTotal.addAndGet(n) > this.maxMessageBytes) {
			throw XtaError.MESSAGE_TOO_LARGE.failure("limit " + this.maxMessageBytes + " bytes");
		}
	}

	private void atEnd() {
		if (this.declaredSize != null && this.declaredSize != this.count) {
			throw XtaError.SIZE_MISMATCH.failure("declared " + this.declaredSize + ", received " + this.count + " bytes");
		}
	}
}
