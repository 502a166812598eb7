package org.reportplatform.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalStringsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "4445", "-12", "12.5", "1234567.1", "-0.0001"})
    void plainDecimalsAreAcceptedEverywhere(String text) {
        assertThat(DecimalStrings.isPlain(text)).isTrue();
        assertThat(DecimalStrings.isWithinLimits(text)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "-", "+1", "1.", ".5", "1e3", "4 445", "4,445", "1.2.3", " 1", "NaN", "１２"})
    void anythingElseIsNotADecimalString(String text) {
        assertThat(DecimalStrings.isPlain(text)).isFalse();
        assertThat(DecimalStrings.isWithinLimits(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890123456789012345678901", "0.12345678901"})
    void tooManyDigitsArePlainButPastTheWritersLimits(String text) {
        assertThat(DecimalStrings.isPlain(text)).isTrue();
        assertThat(DecimalStrings.isWithinLimits(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012345678901234567890", "0.1234567890", "-123456789012345678901234567890.1234567890"})
    void theLimitsThemselvesAreWithin(String text) {
        assertThat(DecimalStrings.isWithinLimits(text)).isTrue();
    }
}
