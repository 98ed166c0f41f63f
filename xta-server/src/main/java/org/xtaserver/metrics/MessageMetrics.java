package org.xtaserver.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.xtaserver.message.MessageSource;
import org.xtaserver.tenant.TenantId;

/**
 * Counters of the message flow. Labels are tenants and sources only, never message ids, so that
 * their number stays bounded by the number of tenants.
 */
public class MessageMetrics {

	private final MeterRegistry meters;

	public MessageMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/** A message was accepted for {@code tenant} (the reader's tenant, or the author's for outbound). */
	public void received(TenantId tenant, MessageSource source) {
		Counter.builder("xta.messages.received")
			.description("Messages accepted, by tenant and source (xta: sendMessage, osci: fetched)")
			.tag("tenant", tenant == null ? "none" : tenant.value())
			.tag("source", source.name().toLowerCase(java.util.Locale.ROOT))
			.register(this.meters)
			.increment();
	}

	/** A reader closed (acknowledged) a message. */
	public void closed(TenantId tenant) {
		Counter.builder("xta.messages.closed")
			.description("Messages closed by their reader (delivered)")
			.tag("tenant", tenant.value())
			.register(this.meters)
			.increment();
	}
}
