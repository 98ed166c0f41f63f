package org.xtaserver.tests.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;

import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;

/**
 * Builds CXF JAX-WS client proxies for an {@link XtaServer} (or any endpoint of the contract:
 * {@link #of(URI, Path)}) as an XTA client would use them:
 * SOAP 1.2, WS-Addressing required, MTOM, mutual TLS with a demo identity's PKCS#12 key and the
 * demo CA as the only trust anchor, host name {@code localhost} verified.
 *
 * <p>Works for any generated service endpoint interface: the project's own classes
 * ({@link #management}, {@link #send}, {@link #msgBox}) or a client generated from the official
 * WSDL ({@link #port}). No WSDL is read at runtime; the annotations of the interface suffice.
 * Instances are immutable; {@link #streaming()} and {@link #intercepting} return changed copies.
 */
public final class XtaClients {

	/** {@code https://host:port}, below which the ports live ({@link XtaPort#path()}). */
	private final URI httpsRoot;

	/** The only trust anchor of the clients. */
	private final Path caCertificate;

	private final boolean streaming;

	private final List<Interceptor<? extends Message>> outInterceptors;

	private final List<Interceptor<? extends Message>> inInterceptors;

	private XtaClients(URI httpsRoot, Path caCertificate, boolean streaming, List<Interceptor<? extends Message>> out,
			List<Interceptor<? extends Message>> in) {
		this.httpsRoot = Objects.requireNonNull(httpsRoot);
		this.caCertificate = Objects.requireNonNull(caCertificate);
		this.streaming = streaming;
		this.outInterceptors = List.copyOf(out);
		this.inInterceptors = List.copyOf(in);
	}

	/** Clients of this server. */
	public static XtaClients of(XtaServer server) {
		return of(server.httpsRoot(), server.caCertificate());
	}

	/** Clients of any XTA 2 V3 endpoint below {@code httpsRoot} whose certificate {@code caCertificate} issued. */
	public static XtaClients of(URI httpsRoot, Path caCertificate) {
		return new XtaClients(httpsRoot, caCertificate, false, List.of(), List.of());
	}

	/**
	 * Clients for large content: HTTP chunking from the first 64 KiB on (the request is never
	 * buffered whole) and a receive timeout of 15 minutes.
	 */
	public XtaClients streaming() {
		return new XtaClients(this.httpsRoot, this.caCertificate, true, this.outInterceptors, this.inInterceptors);
	}

	/** Clients with extra interceptors on the out chain and on the in and in-fault chains. */
	public XtaClients intercepting(List<? extends Interceptor<? extends Message>> out,
			List<? extends Interceptor<? extends Message>> in) {
		List<Interceptor<? extends Message>> allOut = new ArrayList<>(this.outInterceptors);
		allOut.addAll(out);
		List<Interceptor<? extends Message>> allIn = new ArrayList<>(this.inInterceptors);
		allIn.addAll(in);
		return new XtaClients(this.httpsRoot, this.caCertificate, this.streaming, allOut, allIn);
	}

	public ManagementPortType management(DemoIdentity identity) {
		return port(ManagementPortType.class, XtaPort.MANAGEMENT, identity);
	}

	public SendPortType send(DemoIdentity identity) {
		return port(SendPortType.class, XtaPort.SEND, identity);
	}

	public MsgBoxPortType msgBox(DemoIdentity identity) {
		return port(MsgBoxPortType.class, XtaPort.MSG_BOX, identity);
	}

	/** A proxy of {@code serviceInterface} for {@code port}, authenticated as {@code identity}. */
	public <T> T port(Class<T> serviceInterface, XtaPort port, DemoIdentity identity) {
		return port(serviceInterface, port.path(), identity);
	}

	/**
	 * A proxy of {@code serviceInterface} for the endpoint at {@code path} below the HTTPS root,
	 * authenticated as {@code identity}: the benchmark's echo baseline is called like the ports.
	 */
	public <T> T port(Class<T> serviceInterface, String path, DemoIdentity identity) {
		JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
		factory.setServiceClass(serviceInterface);
		factory.setAddress(this.httpsRoot + path);
		factory.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
		WSAddressingFeature addressing = new WSAddressingFeature();
		addressing.setAddressingRequired(true);
		factory.getFeatures().add(addressing);
		factory.getOutInterceptors().addAll(this.outInterceptors);
		factory.getInInterceptors().addAll(this.inInterceptors);
		factory.getInFaultInterceptors().addAll(this.inInterceptors);
		T proxy = serviceInterface.cast(factory.create());

		BindingProvider provider = (BindingProvider) proxy;
		((SOAPBinding) provider.getBinding()).setMTOMEnabled(true);

		Client client = ClientProxy.getClient(proxy);
		HTTPConduit conduit = (HTTPConduit) client.getConduit();
		TLSClientParameters tls = new TLSClientParameters();
		tls.setKeyManagers(Tls.keyManagers(identity));
		tls.setTrustManagers(Tls.trustManagers(this.caCertificate));
		tls.setDisableCNCheck(false);
		conduit.setTlsClientParameters(tls);

		HTTPClientPolicy policy = new HTTPClientPolicy();
		policy.setConnectionTimeout(30_000);
		policy.setAllowChunking(true);
		policy.setChunkingThreshold(this.streaming ? 64 * 1024 : 1024 * 1024);
		policy.setReceiveTimeout(this.streaming ? 15 * 60_000 : 120_000);
		policy.setAutoRedirect(false);
		conduit.setClient(policy);
		return proxy;
	}
}
