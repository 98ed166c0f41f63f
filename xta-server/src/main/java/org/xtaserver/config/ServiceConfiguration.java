package org.xtaserver.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionOperations;
import org.xtaserver.audit.Auditor;
import org.xtaserver.management.ManagementService;
import org.xtaserver.metrics.MessageMetrics;
import org.xtaserver.msgbox.MsgBoxService;
import org.xtaserver.reservation.MessageIdReservations;
import org.xtaserver.send.SendService;
import org.xtaserver.store.MessageStore;
import org.xtaserver.store.MsgBoxRequestStore;
import org.xtaserver.store.ServerSecrets;
import org.xtaserver.tenant.TenantRegistry;

/** The protocol-neutral services behind the XTA ports. */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

	@Bean
	MessageIdReservations messageIdReservations(ServerSecrets secrets, XtaServerProperties properties) {
		return new MessageIdReservations(secrets, properties.identity());
	}

	@Bean
	ManagementService managementService(MessageStore store, TenantRegistry tenants, XtaServerProperties properties,
			Clock clock, Auditor auditor, TransactionOperations tx, MessageIdReservations reservations) {
		return new ManagementService(store, tenants, properties, clock, auditor, tx, reservations);
	}

	@Bean
	SendService sendService(MessageStore store, TenantRegistry tenants, XtaServerProperties properties, Clock clock,
			Auditor auditor, MessageMetrics metrics, MessageIdReservations reservations) {
		return new SendService(store, tenants, properties, clock, auditor, metrics, reservations);
	}

	@Bean
	MsgBoxService msgBoxService(MessageStore store, MsgBoxRequestStore requests, TenantRegistry tenants,
			XtaServerProperties properties, Clock clock, Auditor auditor, MessageMetrics metrics, TransactionOperations tx) {
		return new MsgBoxService(store, requests, tenants, properties, clock, auditor, metrics, tx);
	}
}
