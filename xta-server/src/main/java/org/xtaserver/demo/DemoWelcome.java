package org.xtaserver.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/** Prints, once the server is ready, a curl call that works against the demo server as it runs. */
class DemoWelcome implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(DemoWelcome.class);

	static final String CLIENT = "musterstadt-fachverfahren";

	static final String IDENTIFIER = "demo:musterstadt:sozialamt";

	private final Environment environment;

	DemoWelcome(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		String port = this.environment.getProperty("local.server.port", this.environment.getProperty("server.port", "8443"));
		Path demo = Path.of("data/demo");
		if (!Files.isDirectory(demo)) {
			return;
		}
		log.info("XTA-5001 demo mode: certificates, identities and tenants are in {}\n\n{}\n", demo.toAbsolutePath(),
				curl(port));
	}

	static String curl(String port) {
		return """
				Try it (checkAccountActive as the demo specialist procedure of Musterstadt):

				curl --cacert data/demo/ca.crt --cert data/demo/%1$s.crt --key data/demo/%1$s.key \\
				  -H 'Content-Type: application/soap+xml; charset=utf-8; action="http://www.xta.de/XTA/CheckAccountActive"' \\
				  --data '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing" xmlns:m="http://www.osci.eu/ws/2014/10/transport"><s:Header><a:Action>http://www.xta.de/XTA/CheckAccountActive</a:Action><a:MessageID>urn:uuid:demo-1</a:MessageID><a:To>https://localhost:%2$s/services/XTAService/ManagementPort</a:To><m:Author><m:Identifier type="xoev">%3$s</m:Identifier></m:Author></s:Header><s:Body/></s:Envelope>' \\
				  https://localhost:%2$s/services/XTAService/ManagementPort

				An empty SOAP body in the answer means: the account is active. The other identities are listed
				in data/demo/identities.json.""".formatted(CLIENT, port, IDENTIFIER);
	}
}
