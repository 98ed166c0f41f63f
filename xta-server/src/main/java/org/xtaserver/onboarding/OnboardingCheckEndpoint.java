package org.xtaserver.onboarding;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.TenantRegistry;

/**
 * The acceptance report on the management port: {@code GET /actuator/onboardingcheck/ID} runs
 * every check for the tenant, including a test message through each postbox, stores the report as
 * Markdown and JSON under {@code xta.onboarding.report-directory} and answers with the JSON.
 * It changes no configuration; the only data it leaves are the closed test messages (purged with
 * the tenant's retention), their audit entries and the report files.
 */
@Endpoint(id = "onboardingcheck")
public class OnboardingCheckEndpoint {

	private static final Logger log = LoggerFactory.getLogger(OnboardingCheckEndpoint.class);

	private final OnboardingCheck check;

	private final TenantRegistry tenants;

	private final Path reportDirectory;

	OnboardingCheckEndpoint(OnboardingCheck check, TenantRegistry tenants, Path reportDirectory) {
		this.check = check;
		this.tenants = tenants;
		this.reportDirectory = reportDirectory;
	}

	@ReadOperation
	public WebEndpointResponse<Object> check(@Selector String tenant) {
		if (!TenantId.isValid(tenant)) {
			return new WebEndpointResponse<>("not a tenant id: use lowercase letters, digits and '-'",
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		TenantId id = TenantId.of(tenant);
		if (!this.check.knows(id, this.tenants.current())) {
			return new WebEndpointResponse<>("no tenant " + tenant, WebEndpointResponse.STATUS_NOT_FOUND);
		}
		OnboardingReport report = this.check.run(id);
		try {
			ReportFiles.Written written = ReportFiles.write(report, this.reportDirectory);
			log.info("XTA-9001 acceptance report for tenant {}: {} ({}), written to {}", tenant, report.overall(),
					report.summary(), written.markdown());
		}
		catch (IOException ex) {
			log.warn("XTA-9002 acceptance report for tenant {} could not be stored in {}: {}", tenant,
					this.reportDirectory, ex.toString());
		}
		return new WebEndpointResponse<>(report, WebEndpointResponse.STATUS_OK);
	}
}
