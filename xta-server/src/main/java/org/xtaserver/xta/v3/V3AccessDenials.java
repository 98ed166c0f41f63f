package org.xtaserver.xta.v3;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.cert.X509Certificate;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.xtaserver.tenant.ClientIdentity;
import org.xtaserver.tenant.TenantRegistry;
import org.xtaserver.wsdl.v3.PermissionDeniedException;

/**
 * Counts every PermissionDenied answer as {@code xta_access_denied_total{tenant,operation}}. The
 * tenant is the one the client certificate is registered with ({@code unregistered} otherwise),
 * never the party the request claimed, so the label values stay bounded by the tenant files; the
 * operation is one of the WSDL's.
 */
final class V3AccessDenials extends AbstractPhaseInterceptor<Message> {

	static final String METER = "xta.access.denied";

	static final String UNREGISTERED = "unregistered";

	private final TenantRegistry tenants;

	private final MeterRegistry meters;

	V3AccessDenials(TenantRegistry tenants, MeterRegistry meters) {
		super(Phase.PRE_LOGICAL);
		this.tenants = tenants;
		this.meters = meters;
	}

	@Override
	public void handleMessage(Message message) {
		Exception exception = message.getContent(Exception.class);
		Throwable cause = (exception instanceof Fault fault) ? fault.getCause() : exception;
		if (!(cause instanceof PermissionDeniedException)) {
			return;
		}
		Exchange exchange = message.getExchange();
		BindingOperationInfo operation = (exchange == null) ? null : exchange.getBindingOperationInfo();
		Counter.builder(METER)
			.description("Requests answered with PermissionDenied, by the certificate's tenant and the operation")
			.tag("tenant", tenantOf(exchange))
			.tag("operation", (operation == null) ? "unknown" : operation.getName().getLocalPart())
			.register(this.meters)
			.increment();
	}

	private String tenantOf(Exchange exchange) {
		X509Certificate certificate = V3Callers.clientCertificate((exchange == null) ? null : exchange.getInMessage());
		if (certificate == null) {
			return UNREGISTERED;
		}
		return this.tenants.current()
			.authenticate(certificate)
			.map(ClientIdentity::tenant)
			.map((tenant) -> tenant.value())
			.orElse(UNREGISTERED);
	}
}
