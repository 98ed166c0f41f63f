package org.xtaserver.management;

import java.util.List;
import org.xtaserver.tenant.ServiceParameter;

/** The answer to one {@link ServiceLookup}, with the reader's service parameters if available. */
public record ServiceLookupResult(ServiceLookup lookup, boolean available, List<ServiceParameter> parameters) {
	public ServiceLookupResult {
		parameters = List.copyOf(parameters);
	}
}
