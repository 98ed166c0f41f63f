package org.xtaserver.tests.benchmark;

import java.nio.file.Path;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;

import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.Tls;
import org.xtaserver.tests.support.XtaServer;

/** {@link EchoBaselineServer} in a JVM of its own ({@link BaselineProcess}) and clients of it. */
final class EchoBaseline implements AutoCloseable {

	private final BaselineProcess process;

	private final Path caCertificate;

	private EchoBaseline(BaselineProcess process, Path caCertificate) {
		this.process = process;
		this.caCertificate = caCertificate;
	}

	/**
	 * Starts the echo server with the certificate, key and client CA of {@code server}'s demo folder.
	 * @param workDirectory emptied working directory of the echo server
	 * @param jvmArgs e.g. the heap the XTA server gets
	 */
	static EchoBaseline start(XtaServer server, Path workDirectory, String... jvmArgs) {
		return new EchoBaseline(BaselineProcess.start("echo", EchoBaselineServer.class, EchoBaselineServer.READY, server,
				workDirectory, jvmArgs), server.caCertificate());
	}

	/** An echo client as {@code identity}, configured like XtaClients' (non-streaming) proxies. */
	EchoPort client(DemoIdentity identity) {
		JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
		factory.setServiceClass(EchoPort.class);
		factory.setAddress(this.process.httpsRoot() + EchoPort.PATH);
		factory.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
		WSAddressingFeature addressing = new WSAddressingFeature();
		addressing.setAddressingRequired(true);
		factory.getFeatures().add(addressing);
		EchoPort proxy = factory.create(EchoPort.class);
		((SOAPBinding) ((BindingProvider) proxy).getBinding()).setMTOMEnabled(true);

		HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(proxy).getConduit();
		TLSClientParameters tls = new TLSClientParameters();
		tls.setKeyManagers(Tls.keyManagers(identity));
		tls.setTrustManagers(Tls.trustManagers(this.caCertificate));
		tls.setDisableCNCheck(false);
		conduit.setTlsClientParameters(tls);
		HTTPClientPolicy policy = new HTTPClientPolicy();
		policy.setConnectionTimeout(30_000);
		policy.setAllowChunking(true);
		policy.setChunkingThreshold(1024 * 1024);
		policy.setReceiveTimeout(120_000);
		policy.setAutoRedirect(false);
		conduit.setClient(policy);
		return proxy;
	}

	@Override
	public void close() {
		this.process.close();
	}
}
