/**
 * The demo environment under {@code data/demo/}: throw-away CA, server and client certificates
 * and two demo tenants, created once on first start.
 */
package org.xtaserver.tenant.demo;
