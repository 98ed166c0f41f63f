package org.xtaserver.xta.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class V3TimesTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-29T18:00:00Z", "2026-02-28T23:59:59.999Z", "2024-02-29T00:00:00.001Z",
			"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "2026-11-29T18:00:00.123456789Z", "0001-01-01T00:00:00Z" })
	void writesTheSameDateTimeAsAGregorianCalendarInUtcWould(String text) {
		Instant instant = Instant.parse(text);
		String viaCalendar = DatatypeFactory.newDefaultInstance()
			.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(ZoneOffset.UTC)))
			.toXMLFormat();

		assertThat(V3Times.toV3(instant).toXMLFormat()).isEqualTo(viaCalendar);
		assertThat(V3Times.toInstant(V3Times.toV3(instant))).isEqualTo(Instant.ofEpochMilli(instant.toEpochMilli()));
	}

	@Test
	void nullStaysNull() {
		assertThat(V3Times.toV3(null)).isNull();
		assertThat(V3Times.toInstant(null)).isNull();
	}
}
