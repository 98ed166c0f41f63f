package org.xtaserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The XTA 2 server daemon. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class XtaServerApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "tenants".equals(args[0])) {
			System.exit(TenantsCommand.run(args, System.out, System.err));
		}
		if (args.length > 0 && "onboarding-check".equals(args[0])) {
			System.exit(org.xtaserver.onboarding.OnboardingCommand.run(args, System.out, System.err));
		}
		SpringApplication.run(XtaServerApplication.class, args);
	}
}
