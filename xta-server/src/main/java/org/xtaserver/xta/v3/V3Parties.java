package org.xtaserver.xta.v3;

import org.xtaserver.message.XtaError;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.wsdl.v3.oscimeta.PartyIdentifierType;
import org.xtaserver.wsdl.v3.oscimeta.PartyType;

/** oscimeta:PartyType to and from the core's {@link PartyId}. */
final class V3Parties {

	private V3Parties() {
	}

	/** @throws org.xtaserver.message.XtaFailure ParameterIsNotValid when the party is missing or incomplete */
	static PartyId toDomain(PartyType party, String what) {
		if (party == null || party.getIdentifier() == null) {
			throw XtaError.MISSING_PARAMETER.failure(what);
		}
		PartyIdentifierType id = party.getIdentifier();
		try {
			return new PartyId(id.getType(), id.getCategory(), id.getName(), id.getValue());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw XtaError.INVALID_PARAMETER.failure(what + ": " + ex.getMessage());
		}
	}

	static PartyType toV3(PartyId party) {
		PartyIdentifierType id = new PartyIdentifierType();
		id.setType(party.type());
		id.setCategory(party.category());
		id.setName(party.name());
		id.setValue(party.value());
		PartyType type = new PartyType();
		type.setIdentifier(id);
		return type;
	}
}
