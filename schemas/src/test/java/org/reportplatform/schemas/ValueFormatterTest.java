package org.reportplatform.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
            assertThat(french.value(IndicatorType.PERCENTAGE, "12.5", null)).isEqualTo("12,5" + NBSP + "%");
            assertThat(french.value(IndicatorType.MONEY, "1234567", "CHF")).isEqualTo("1" + NNBSP + "234" + NNBSP + "567" + NBSP + "CHF");
            assertThat(french.value(IndicatorType.MONEY, "1234567", null)).isEqualTo("1" + NNBSP + "234" + NNBSP + "567");
            assertThat(french.value(IndicatorType.TEXT, "juin 2025", null)).isEqualTo("juin 2025");
        }

        @Test
        void a_key_figure_carries_its_unit_word() {
            assertThat(french.valueWithUnit(IndicatorType.INTEGER, "4445", null, "cas")).isEqualTo("4" + NNBSP + "445" + NBSP + "cas");
            assertThat(french.valueWithUnit(IndicatorType.PERCENTAGE, "12.5", null, "%")).isEqualTo("12,5" + NBSP + "%");
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
    void no_language_is_french_the_reports_first_language() {
        assertThat(ValueFormatter.forLanguage(null)).isSameAs(ValueFormatter.FRENCH);
        assertThat(ValueFormatter.forLanguage("fr")).isSameAs(ValueFormatter.FRENCH);
    }

    @Nested
    class Spanish {

        private final ValueFormatter spanish = ValueFormatter.forLanguage("es");

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "4445|4445",
                "12345|12.345",
                "1234567|1.234.567",
                "12.5|12,5",
                "1234.50|1234,50",
                "-12345.25|-12.345,25"})
        void groups_digits_only_from_five_as_cldr_says(String value, String expected) {
            assertThat(spanish.number(value)).isEqualTo(expected);
        }

        @Test
        void percent_and_currency_follow_spanish_conventions() {
            assertThat(spanish.value(IndicatorType.PERCENTAGE, "12.5", null)).isEqualTo("12,5" + NBSP + "%");
            assertThat(spanish.value(IndicatorType.MONEY, "1234567", "CHF")).isEqualTo("1.234.567" + NBSP + "CHF");
        }
    }

    @Test
    void dates_are_written_in_each_languages_long_form() {
        LocalDate day = LocalDate.of(2026, 12, 5);
        assertThat(ValueFormatter.forLanguage("fr").date(day)).isEqualTo("5 décembre 2026");
        assertThat(ValueFormatter.forLanguage("en").date(day)).isEqualTo("5 December 2026");
        assertThat(ValueFormatter.forLanguage("es").date(day)).isEqualTo("5 de diciembre de 2026");
    }

    @Test
    void money_keeps_the_decimals_the_source_gave() {
        assertThat(french.value(IndicatorType.MONEY, "1500.5", "EUR")).isEqualTo("1" + NNBSP + "500,5" + NBSP + "EUR");
        assertThat(french.value(IndicatorType.MONEY, "1500", "points")).isEqualTo("1" + NNBSP + "500" + NBSP + "points");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc", "1e3", "1,5", "'1 000'", "''", "12.", ".5", "NaN", "+5", "0x1F"})
    void refuses_what_is_not_a_plain_decimal(String value) {
        assertThatThrownBy(() -> french.number(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
