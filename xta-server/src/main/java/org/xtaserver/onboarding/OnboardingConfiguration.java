package org.xtaserver.onboarding;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.xtaserver.config.XtaServerProperties;
import org.xtaserver.fetch.OsciTenantFetch;
import org.xtaserver.management.ManagementService;
import org.xtaserver.msgbox.MsgBoxService;
import org.xtaserver.send.SendService;
import org.xtaserver.store.MessageStore;
import org.xtaserver.tenant.TenantRegistry;
import org.xtaserver.tenancy.TenantsProperties;
import org.xtaserver.xta.v3.V3MetadataDocuments;

/** The acceptance report inside the running server. */
@Configuration(proxyBeanMethods = false)
class OnboardingConfiguration {

	@Bean
	OnboardingCheckEndpoint onboardingCheckEndpoint(TenantRegistry tenants, TenantsProperties tenantsProperties,
			OnboardingProperties properties, XtaServerProperties server, ManagementService management, SendService send,
			MsgBoxService msgBox, MessageStore store, V3MetadataDocuments metadata, Clock clock, Environment environment) {
		TrustAnchors anchors = TrustAnchors.load(environment.getProperty("xta.tls.client-ca"), properties.trustAnchors());
		OnboardingCheck check = new OnboardingCheck(clock, tenantsProperties.directory(), OnboardingCheck.Mode.SERVER,
				server.identity(), (load) -> tenants.current(), anchors, properties.expiryWarningDays(),
				new IntermediaryCheck(clock, properties.osciTimeout(), OsciTenantFetch.overHttp(clock)),
				TestMessageCheck.through(clock, new ServiceMessagePath(management, send, msgBox, store, metadata, clock)));
		return new OnboardingCheckEndpoint(check, tenants, properties.reportDirectory());
	}
}
