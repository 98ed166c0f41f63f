package org.xtaserver.tenant;

/** Told after a reload changed the tenants in force (e.g. to refresh metrics or caches). */
@FunctionalInterface
public interface TenantRegistryListener {

    /**
     * Called on the reloading thread after the new directory is in force. Exceptions are logged
     * and do not affect the reload or other listeners.
     */
    void tenantsChanged(TenantReloadReport report);
}
