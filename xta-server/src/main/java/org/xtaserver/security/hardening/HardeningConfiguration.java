package org.xtaserver.security.hardening;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** Protection of the SOAP endpoints ({@code /services/*}) below SOAP: request shape and slow clients. */
@Configuration(proxyBeanMethods = false)
class HardeningConfiguration {

	@Bean
	FilterRegistrationBean<SlowRequestFilter> slowRequestFilter(SlowRequestProperties properties, Clock clock) {
		FilterRegistrationBean<SlowRequestFilter> registration = new FilterRegistrationBean<>(
				new SlowRequestFilter(properties, clock));
		registration.addUrlPatterns("/services/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<SoapRequestFilter> soapRequestFilter() {
		FilterRegistrationBean<SoapRequestFilter> registration = new FilterRegistrationBean<>(new SoapRequestFilter());
		registration.addUrlPatterns("/services/XTAService/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionCloserValve() {
		return (factory) -> factory.addContextValves(new ConnectionCloserValve());
	}

	/** server.ssl.enabled-protocols and server.ssl.ciphers, also with server.ssl.bundle (see TlsPolicyCustomizer). */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tlsPolicy(Environment environment) {
		Binder binder = Binder.get(environment);
		List<String> protocols = binder.bind("server.ssl.enabled-protocols", Bindable.listOf(String.class))
			.orElse(List.of());
		List<String> ciphers = binder.bind("server.ssl.ciphers", Bindable.listOf(String.class)).orElse(List.of());
		return (factory) -> factory.addConnectorCustomizers(new TlsPolicyCustomizer(protocols, ciphers));
	}
}
