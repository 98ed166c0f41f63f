package org.xtaserver.security.hardening;

import java.time.Clock;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Slow-client protection of the SOAP endpoints ({@code /services/*}). */
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
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionCloserValve() {
		return (factory) -> factory.addContextValves(new ConnectionCloserValve());
	}
}
