package org.xtaserver.xta.v3;

import java.io.OutputStream;
import org.apache.cxf.io.AbstractWrappedOutputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.metrics.interceptors.CountingOutInterceptor;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Keeps CXF's flushes away from the servlet response, as CXF itself does when no metrics feature
 * is present. CXF's StaxOutInterceptor turns flushing off on the transport's stream when it sees
 * that stream; with MetricsFeature it sees the byte counter in front of it instead, the MTOM
 * writer's final flush reaches Tomcat, and every answer, however small, goes out chunked in two
 * TLS writes instead of one with a Content-Length. Large answers are unaffected: Tomcat sends
 * whenever its buffer is full.
 */
final class V3UnflushedResponses extends AbstractPhaseInterceptor<Message> {

	V3UnflushedResponses() {
		super(Phase.PRE_STREAM);
		addBefore(CountingOutInterceptor.class.getName());
	}

	@Override
	public void handleMessage(Message message) {
		OutputStream out = message.getContent(OutputStream.class);
		if (out instanceof AbstractWrappedOutputStream transport) {
			transport.allowFlush(false);
		}
	}
}
