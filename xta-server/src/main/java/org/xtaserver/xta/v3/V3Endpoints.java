package org.xtaserver.xta.v3;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.cxf.Bus;
import org.apache.cxf.feature.Feature;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.metrics.MetricsFeature;
import org.apache.cxf.metrics.MetricsProvider;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xtaserver.management.ManagementService;
import org.xtaserver.message.CanonicalXml;
import org.xtaserver.msgbox.MsgBoxService;
import org.xtaserver.security.CallerAuthenticator;
import org.xtaserver.send.SendService;
import org.xtaserver.store.MessageStore;
import org.xtaserver.tenant.TenantRegistry;

/**
 * Publishes the three XTA 2 Version 3 ports under {@code /services/XTAService/}, each with
 * WS-Addressing required, MTOM on, and its own metrics feature.
 */
@Configuration(proxyBeanMethods = false)
public class V3Endpoints {

	/** The project's own contract, from xta-api-wsdl; CXF fills in the real addresses for ?wsdl. */
	static final String WSDL = "classpath:wsdl/xta-v3/xta-v3.wsdl";

	static final String BASE = "/XTAService/";

	/**
	 * The WSDL's policies are published for clients, not enforced one by one: client certificates are
	 * required by TLS, WS-Addressing by its feature; MTOM is offered but a client sending plain SOAP
	 * (base64 inline) is still served.
	 */
	@Bean
	static org.springframework.beans.factory.config.BeanPostProcessor v3PolicyEngineRelaxer() {
		return new org.springframework.beans.factory.config.BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof Bus bus) {
					org.apache.cxf.ws.policy.PolicyEngine engine = bus.getExtension(org.apache.cxf.ws.policy.PolicyEngine.class);
					if (engine instanceof org.apache.cxf.ws.policy.PolicyEngineImpl impl) {
						impl.setEnabled(false);
					}
				}
				return bean;
			}
		};
	}

	@Bean
	V3Callers v3Callers(CallerAuthenticator authenticator) {
		return new V3Callers(authenticator);
	}

	@Bean
	V3Metadata v3Metadata() {
		return new V3Metadata();
	}

	@Bean
	V3MetadataDocuments v3MetadataDocuments(V3Metadata metadata) {
		return new V3MetadataDocuments(metadata);
	}

	@Bean
	V3Content v3Content(MessageStore store, CanonicalXml xml, V3EndpointProperties properties) {
		return new V3Content(store, xml, properties.attachmentMaxSize(), properties.attachmentMemoryThreshold());
	}

	/**
	 * Replaces the CXF Spring Boot starter's SpringBasedTimedAnnotationProvider, which looks up the
	 * JAX-RS class OperationResourceInfo for every request without a dispatched operation (malformed
	 * XML, DTDs, unknown actions) and, JAX-RS not being on the classpath, failed with a
	 * ClassNotFoundException in the fault chain: the client got a truncated fault and the log a
	 * stack trace. Our ports carry no {@code @Timed} annotations, so none are looked up.
	 */
	@Bean
	static org.springframework.beans.factory.config.BeanPostProcessor v3TimedAnnotationsWithoutJaxrs() {
		return new org.springframework.beans.factory.config.BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof org.apache.cxf.metrics.micrometer.provider.TimedAnnotationProvider
						&& bean.getClass().getSimpleName().equals("SpringBasedTimedAnnotationProvider")) {
					return (org.apache.cxf.metrics.micrometer.provider.TimedAnnotationProvider) (exchange,
							client) -> java.util.Set.of();
				}
				return bean;
			}
		};
	}

	@Bean
	V3AccessDenials v3AccessDenials(TenantRegistry tenants, MeterRegistry meters) {
		return new V3AccessDenials(tenants, meters);
	}

	@Bean
	EndpointImpl managementPort(Bus bus, ManagementService management, V3Callers callers, V3Metadata metadata,
			ObjectProvider<MetricsProvider> metrics, V3EndpointProperties properties, V3AccessDenials denials) {
		return publish(bus, new ManagementPortImpl(management, callers, metadata), "ManagementPort", metrics, properties,
				denials);
	}

	@Bean
	EndpointImpl sendXtaPort(Bus bus, SendService send, V3Callers callers, V3Metadata metadata, V3Content content,
			ObjectProvider<MetricsProvider> metrics, V3EndpointProperties properties, V3AccessDenials denials) {
		return publish(bus, new SendXtaPortImpl(send, callers, metadata, content), "SendXtaPort", metrics, properties,
				denials);
	}

	@Bean
	EndpointImpl msgBoxPort(Bus bus, MsgBoxService msgBox, V3Callers callers, V3Metadata metadata, V3Content content,
			ObjectProvider<MetricsProvider> metrics, V3EndpointProperties properties, V3AccessDenials denials) {
		return publish(bus, new MsgBoxPortImpl(msgBox, callers, metadata, content), "MsgBoxPort", metrics, properties,
				denials);
	}

	private static EndpointImpl publish(Bus bus, Object implementor, String port, ObjectProvider<MetricsProvider> metrics,
			V3EndpointProperties properties, V3AccessDenials denials) {
		WSAddressingFeature addressing = new WSAddressingFeature();
		addressing.setAddressingRequired(true);
		List<Feature> features = new java.util.ArrayList<>(List.of(addressing));
		metrics.ifAvailable((provider) -> features.add(new MetricsFeature(provider)));
		try {
			java.nio.file.Files.createDirectories(properties.attachmentDirectory());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("cannot create xta.soap.attachment-directory", ex);
		}
		EndpointImpl endpoint = new EndpointImpl(bus, implementor);
		endpoint.setFeatures(features);
		Map<String, Object> props = new HashMap<>();
		props.put("mtom-enabled", Boolean.TRUE);
		// ?wsdl lists all three ports; each gets its real address from the request, not only this one.
		props.put("autoRewriteSoapAddressForAllServices", Boolean.TRUE);
		props.put(org.apache.cxf.frontend.WSDLGetUtils.class.getName(), new V3WsdlAddresses());
		// Incoming attachments above the threshold go to temporary files, never into the heap.
		props.put("attachment-directory", properties.attachmentDirectory().toString());
		props.put("attachment-memory-threshold", properties.attachmentMemoryThreshold());
		props.put("attachment-max-size", properties.attachmentMaxSize());
		props.put("org.apache.cxf.stax.maxElementDepth", properties.maxElementDepth());
		props.put("org.apache.cxf.stax.maxAttributeCount", properties.maxAttributeCount());
		endpoint.setProperties(props);
		// Enforced on the reader itself: see V3XmlLimits for why the properties above are not enough.
		endpoint.getInInterceptors()
			.add(new V3XmlLimits(properties.maxElementDepth(), properties.maxAttributeCount(), properties.maxHeaderSize()));
		endpoint.getInInterceptors().add(new V3XmlLimits.ReadToEnd());
		V3UnflushedResponses unflushed = new V3UnflushedResponses();
		endpoint.getOutInterceptors().add(unflushed);
		endpoint.getOutFaultInterceptors().add(unflushed);
		endpoint.getOutFaultInterceptors().add(denials);
		endpoint.publish(BASE + port);
		return endpoint;
	}
}
