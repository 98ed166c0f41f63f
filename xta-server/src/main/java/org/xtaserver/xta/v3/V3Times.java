package org.xtaserver.xta.v3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** xs:dateTime values, always in UTC. */
final class V3Times {

	private static final DatatypeFactory FACTORY = DatatypeFactory.newDefaultInstance();

	private V3Times() {
	}

	static XMLGregorianCalendar toV3(Instant instant) {
		if (instant == null) {
			return null;
		}
		return FACTORY.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(ZoneOffset.UTC)));
	}

	static Instant toInstant(XMLGregorianCalendar calendar) {
		return calendar == null ? null : calendar.toGregorianCalendar().toInstant();
	}
}
