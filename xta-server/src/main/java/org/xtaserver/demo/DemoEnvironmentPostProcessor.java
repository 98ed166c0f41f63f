package org.xtaserver.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.StandardEnvironment;
import org.xtaserver.tenant.demo.DemoEnvironment;
import org.xtaserver.tenant.demo.DemoSetup;

/**
 * Demo mode (profile {@code demo}, never on unless asked for): before the web server starts,
 * creates once the demo CA, server and client certificates and tenant files under
 * {@code ./data/demo/}, and points TLS and tenants at them. Explicit settings still win.
 */
public class DemoEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROFILE = "demo";

	static final String SOURCE = "xtaDemoEnvironment";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
			return;
		}
		DemoSetup demo;
		try {
			demo = new DemoEnvironment(Clock.systemUTC()).ensure(Path.of(""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("demo mode could not create data/demo/", ex);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("xta.tls.certificate", "file:" + demo.serverCertificate());
		properties.put("xta.tls.private-key", "file:" + demo.serverKey());
		properties.put("xta.tls.client-ca", "file:" + demo.caCertificate());
		properties.put("xta.tenants.directory", demo.tenantsDirectory().toString());
		properties.put("xta.demo.created", demo.created());
		MapPropertySource source = new MapPropertySource(SOURCE, properties);
		// Below command line, system properties and environment; above application.yml.
		if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			environment.getPropertySources().addFirst(source);
		}
	}
}
