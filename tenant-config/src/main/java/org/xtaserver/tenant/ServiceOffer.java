package org.xtaserver.tenant;

import java.util.List;

/**
 * A service a postbox accepts messages for, as answered by XTA {@code lookupService}.
 *
 * @param service the service URI, e.g. {@code urn:xoev-de:xsozial:...}
 * @param parameters the parameters returned with it (may be empty)
 */
public record ServiceOffer(String service, List<ServiceParameter> parameters) {

    public ServiceOffer {
        Violations v = new Violations();
        v.requireText("service", service, 1024);
        parameters = parameters == null ? List.of() : parameters;
        v.requireElements("parameters", parameters);
        v.throwIfAny();
        parameters = List.copyOf(parameters);
    }
}
