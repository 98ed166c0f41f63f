package org.xtaserver.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartyIdTest {

    @Test
    void identifiersWithTheSameTypeAndValueAreEqualWhateverTheirDescription() {
        PartyId full = new PartyId("xoev", "Sozialamt", "Sozialamt Musterstadt", "demo:musterstadt:sozialamt");
        PartyId bare = PartyId.of("xoev", "demo:musterstadt:sozialamt");
        PartyId otherDescription = new PartyId("xoev", "Jugendamt", "Anders", "demo:musterstadt:sozialamt");

        assertThat(full).isEqualTo(bare).isEqualTo(otherDescription).hasSameHashCodeAs(bare);
    }

    @Test
    void identifiersDifferingInTypeOrValueAreDifferent() {
        PartyId id = PartyId.of("xoev", "demo:a");

        assertThat(id).isNotEqualTo(PartyId.of("XTA_ID", "demo:a")).isNotEqualTo(PartyId.of("xoev", "demo:b"))
                .isNotEqualTo(PartyId.of("xoev", "DEMO:A"));
    }

    @Test
    void printsAsTypeColonValue() {
        assertThat(new PartyId("xoev", "Sozialamt", "Sozialamt Musterstadt", "demo:musterstadt"))
                .hasToString("xoev:demo:musterstadt");
    }

    @Test
    void requiresTypeAndValueAndNamesEveryMissingOne() {
        assertThatThrownBy(() -> new PartyId(null, null, " ", ""))
                .isInstanceOfSatisfying(TenantConfigException.class, e -> assertThat(e.violations())
                        .extracting(Object::toString)
                        .containsExactly("type: required", "name: must not be blank", "value: must not be blank"));
    }

    @Test
    void refusesControlCharactersThatCouldForgeLogLines() {
        assertThatThrownBy(() -> PartyId.of("xoev", "demo\nINFO fake"))
                .isInstanceOf(TenantConfigException.class).hasMessage("value: must not contain control characters");
    }
}
