package org.xtaserver.xta.v3;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** xs:dateTime values, always in UTC. */
final class V3Times {

	private static final DatatypeFactory FACTORY = DatatypeFactory.newDefaultInstance();

	private V3Times() {
	}

	/**
	 * To the millisecond, as the stored times are. From the fields rather than through a
	 * GregorianCalendar, which costs more than the rest of a status list entry (times and zone rules).
	 */
	static XMLGregorianCalendar toV3(Instant instant) {
		if (instant == null) {
			return null;
		}
		LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
		return FACTORY.newXMLGregorianCalendar(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
				t.getMinute(), t.getSecond(), t.getNano() / 1_000_000, 0);
	}

	static Instant toInstant(XMLGregorianCalendar calendar) {
		return calendar == null ? null : calendar.toGregorianCalendar().toInstant();
	}
}
