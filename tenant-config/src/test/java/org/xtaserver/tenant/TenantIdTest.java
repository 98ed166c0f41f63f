package org.xtaserver.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "musterstadt", "bad-neustadt-2", "0", "a23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsDnsLabels(String value) {
        assertThat(TenantId.of(value).value()).isEqualTo(value);
        assertThat(TenantId.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Musterstadt", "muster_stadt", "-a", "a-", "münster", "a b",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void refusesAnythingThatIsNoDnsLabel(String value) {
        assertThat(TenantId.isValid(value)).isFalse();
        assertThatThrownBy(() -> TenantId.of(value)).isInstanceOf(TenantConfigException.class)
                .hasMessageStartingWith("not a tenant id");
    }
}
