package org.xtaserver.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature shares. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

	/** Injected everywhere time matters, so that tests can move it. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	org.xtaserver.message.CanonicalXml canonicalXml() {
		return new org.xtaserver.message.CanonicalXml();
	}
}
