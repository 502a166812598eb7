package org.reportplatform.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueFormatterTest {

    private static final String NNBSP = "\u202F";
    private static final String NBSP = "\u00A0";

    private final ValueFormatter french = ValueFormatter.forLanguage("fr");

    @Nested
    class French {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "0|0",
                "7|7",
                "41|41",
                "999|999",
                "4445|4_445",
                "12345|12_345",
                "158000|158_000",
                "1234567|1_234_567",
                "-4445|-4_445",
                "0042|42",
                "12.5|12,5",
                "12.50|12,50",
                "1234.5|1_234,5",
                "0.001|0,001",
                "-0.75|-0,75",
                "12345678901234567890.123456789|12_345_678_901_234_567_890,123456789"})
        void groups_thousands_with_a_narrow_no_break_space_and_uses_a_decimal_comma(String value, String expected) {
            // Given an exact decimal string; When it is formatted for French; Then
            assertThat(french.number(value)).isEqualTo(expected.replace("_", NNBSP));
        }

        @Test
        void formats_each_indicator_type() {
            assertThat(french.value(IndicatorType.INTEGER, "4445", null)).isEqualTo("4" + NNBSP + "445");
            assertThat(french.value(IndicatorType.DECIMAL, "12.5", null)).isEqualTo("12,5");
            assertThat(french.value(IndicatorType.PERCENTAGE, "12.5", null)).isEqualTo("12,5" + NNBSP + "%");
            assertThat(french.value(IndicatorType.MONEY, "1234567", "CHF")).isEqualTo("1" + NNBSP + "234" + NNBSP + "567" + NBSP + "CHF");
            assertThat(french.value(IndicatorType.MONEY, "1234567", null)).isEqualTo("1" + NNBSP + "234" + NNBSP + "567");
            assertThat(french.value(IndicatorType.TEXT, "juin 2025", null)).isEqualTo("juin 2025");
        }

        @Test
        void a_key_figure_carries_its_unit_word() {
            assertThat(french.valueWithUnit(IndicatorType.INTEGER, "4445", null, "cas")).isEqualTo("4" + NNBSP + "445" + NBSP + "cas");
            assertThat(french.valueWithUnit(IndicatorType.PERCENTAGE, "12.5", null, "%")).isEqualTo("12,5" + NNBSP + "%");
            assertThat(french.valueWithUnit(IndicatorType.INTEGER, "17", null, null)).isEqualTo("17");
        }

        @Test
        void keeps_every_digit_a_binary_float_would_lose() {
            // 0.1 + 0.2 style values and more than 17 significant digits stay exact
            assertThat(french.number("0.30000000000000001")).isEqualTo("0,30000000000000001");
            assertThat(french.number("9007199254740993")).isEqualTo("9" + NNBSP + "007" + NNBSP + "199" + NNBSP + "254" + NNBSP + "740" + NNBSP + "993");
        }
    }

    @Test
    void english_uses_commas_and_a_decimal_point() {
        ValueFormatter english = ValueFormatter.forLanguage("en-GB");
        assertThat(english.number("1234567.25")).isEqualTo("1,234,567.25");
        assertThat(english.value(IndicatorType.PERCENTAGE, "12.5", null)).isEqualTo("12.5%");
        assertThat(english.value(IndicatorType.MONEY, "1500", "CHF")).isEqualTo("CHF" + NBSP + "1,500");
    }

    @Test
    void an_unknown_language_falls_back_to_french() {
        assertThat(ValueFormatter.forLanguage("de")).isSameAs(ValueFormatter.FRENCH);
        assertThat(ValueFormatter.forLanguage(null)).isSameAs(ValueFormatter.FRENCH);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc", "1e3", "1,5", "'1 000'", "''", "12.", ".5", "NaN", "+5", "0x1F"})
    void refuses_what_is_not_a_plain_decimal(String value) {
        assertThatThrownBy(() -> french.number(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
