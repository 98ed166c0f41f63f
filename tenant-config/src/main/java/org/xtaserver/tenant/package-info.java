/**
 * Tenants (municipalities) of the XTA server: the model ({@link org.xtaserver.tenant.Tenant} and
 * its parts), the YAML tenant files ({@link org.xtaserver.tenant.TenantFiles}), the request-time
 * lookups ({@link org.xtaserver.tenant.TenantDirectory}) and reloading
 * ({@link org.xtaserver.tenant.TenantRegistry}). No Spring: the server module wires these.
 * The file format is documented in the module's README.
 */
package org.xtaserver.tenant;
