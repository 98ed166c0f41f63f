package org.xtaserver.tests.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.AttachmentOutInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.io.CacheAndWriteOutputStream;
import org.apache.cxf.io.CachedOutputStream;
import org.apache.cxf.io.CachedOutputStreamCallback;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;

/**
 * Records the raw bytes of every request a client sends and every response (including faults) it
 * receives, exactly as on the wire: MIME multipart and XOP for MTOM included. Uses two interceptors
 * of its own (no LoggingFeature): one on the out chain before the MTOM attachment writer that tees
 * the output stream, one at the start of the in and in-fault chains that reads the input stream.
 */
final class RawExchangeCapture {

	private static final String SEEN = RawExchangeCapture.class.getName() + ".seen";

	/** Which way a message went. */
	enum Direction {
		REQUEST, RESPONSE
	}

	/**
	 * One raw SOAP message.
	 * @param operation the WSDL operation, e.g. {@code getMessage}
	 * @param direction request or response
	 * @param contentType the HTTP Content-Type (multipart/related for MTOM)
	 * @param bytes the HTTP body
	 * @param httpStatus the HTTP status of a response, else null
	 */
	record Captured(String operation, Direction direction, String contentType, byte[] bytes, Integer httpStatus) {

		@Override
		public String toString() {
			return this.operation + " " + this.direction + (this.httpStatus == null ? "" : " HTTP " + this.httpStatus)
					+ " (" + this.contentType + ", " + this.bytes.length + " bytes)";
		}
	}

	private final List<Captured> captured = new ArrayList<>();

	List<CaptureOut> outInterceptors() {
		return List.of(new CaptureOut());
	}

	List<CaptureIn> inInterceptors() {
		return List.of(new CaptureIn());
	}

	/** Everything captured since the last call, in order; clears the record. */
	synchronized List<Captured> drain() {
		List<Captured> all = List.copyOf(this.captured);
		this.captured.clear();
		return all;
	}

	private synchronized void add(Captured message) {
		this.captured.add(message);
	}

	private static String operation(Message message) {
		Exchange exchange = message.getExchange();
		BindingOperationInfo operation = (exchange == null) ? null : exchange.getBindingOperationInfo();
		return (operation == null) ? "<unknown operation>" : operation.getName().getLocalPart();
	}

	/** Tees the request body into a cache and records it when the stream is closed. */
	final class CaptureOut extends AbstractPhaseInterceptor<Message> {

		CaptureOut() {
			super(Phase.PRE_STREAM);
			addBefore(AttachmentOutInterceptor.class.getName());
			addBefore(StaxOutInterceptor.class.getName());
		}

		@Override
		public void handleMessage(Message message) throws Fault {
			OutputStream out = message.getContent(OutputStream.class);
			if (out == null) {
				return;
			}
			CacheAndWriteOutputStream tee = new CacheAndWriteOutputStream(out);
			message.setContent(OutputStream.class, tee);
			String operation = operation(message);
			tee.registerCallback(new CachedOutputStreamCallback() {
				@Override
				public void onFlush(CachedOutputStream cos) {
				}

				@Override
				public void onClose(CachedOutputStream cos) {
					try {
						add(new Captured(operation, Direction.REQUEST, (String) message.get(Message.CONTENT_TYPE),
								cos.getBytes(), null));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			});
		}
	}

	/** Reads the whole response body, records it and hands a copy on to the chain. */
	final class CaptureIn extends AbstractPhaseInterceptor<Message> {

		CaptureIn() {
			super(Phase.RECEIVE);
			addBefore(AttachmentInInterceptor.class.getName());
		}

		@Override
		public void handleMessage(Message message) throws Fault {
			if (message.containsKey(SEEN)) {
				return;
			}
			message.put(SEEN, Boolean.TRUE);
			InputStream in = message.getContent(InputStream.class);
			if (in == null) {
				return;
			}
			try (CachedOutputStream cache = new CachedOutputStream()) {
				in.transferTo(cache);
				in.close();
				byte[] bytes = cache.getBytes();
				message.setContent(InputStream.class, new ByteArrayInputStream(bytes));
				Object status = message.get(Message.RESPONSE_CODE);
				add(new Captured(operation(message), Direction.RESPONSE, (String) message.get(Message.CONTENT_TYPE),
						bytes, (status instanceof Integer code) ? code : null));
			}
			catch (IOException ex) {
				throw new Fault(ex);
			}
		}
	}
}
