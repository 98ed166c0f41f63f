package org.xtaserver.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/** Demo mode: tells the newcomer how to talk to the running server. */
@Configuration(proxyBeanMethods = false)
@Profile(DemoEnvironmentPostProcessor.PROFILE)
class DemoConfiguration {

	@Bean
	DemoWelcome demoWelcome(Environment environment) {
		return new DemoWelcome(environment);
	}
}
