package org.reportplatform.schemas;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Writes exact decimal values the way a report in a given language prints them, from the exact
 * string, through {@link BigDecimal} (never a binary float): the digits and the scale the
 * source gave are kept.
 *
 * <p>French (the default): thousands separated by a narrow no-break space (U+202F), including
 * four-digit numbers ({@code 4 445}); decimal comma ({@code 12,5}); a narrow no-break space
 * before the percent sign ({@code 12,5 %}); the currency code after the amount, after a no-break
 * space ({@code 1 234 567 CHF}). A PERCENTAGE value is the percentage itself (12.5 means 12,5 %).
 * English: {@code 4,445}, {@code 12.5}, {@code 12.5%}, {@code CHF 1,234,567}.
 */
public final class ValueFormatter {

    public static final char NARROW_NO_BREAK_SPACE = '\u202F';
    public static final char NO_BREAK_SPACE = '\u00A0';


    public static final ValueFormatter FRENCH = new ValueFormatter(String.valueOf(NARROW_NO_BREAK_SPACE), ",",
            NARROW_NO_BREAK_SPACE + "%", true);
    public static final ValueFormatter ENGLISH = new ValueFormatter(",", ".", "%", false);

    private final String groupSeparator;
    private final String decimalSeparator;
    private final String percentSuffix;
    private final boolean currencyAfter;

    private ValueFormatter(String groupSeparator, String decimalSeparator, String percentSuffix, boolean currencyAfter) {
        this.groupSeparator = groupSeparator;
        this.decimalSeparator = decimalSeparator;
        this.percentSuffix = percentSuffix;
        this.currencyAfter = currencyAfter;
    }

    /** The formatter for a BCP 47 language tag; French unless the language is English. */
    public static ValueFormatter forLanguage(String language) {
        String primary = language == null ? "fr" : language.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return primary.equals("en") ? ENGLISH : FRENCH;
    }

    /** The character between groups of three digits (French: U+202F). */
    public char groupingSeparator() {
        return groupSeparator.charAt(0);
    }

    /** The decimal mark. */
    public char decimalSeparator() {
        return decimalSeparator.charAt(0);
    }

    /** A plain decimal string ({@code 4445}, {@code -12.50}) with grouping and this language's decimal mark. */
    public String number(String plainDecimal) {
        if (plainDecimal == null || !DecimalStrings.isPlain(plainDecimal.strip())) {
            throw new IllegalArgumentException("'" + plainDecimal + "' is not a plain decimal number");
        }
        String plain = new BigDecimal(plainDecimal.strip()).toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String integer = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot + 1);
        StringBuilder out = new StringBuilder(plain.length() + 8);
        if (negative) {
            out.append('-');
        }
        int first = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        out.append(integer, 0, first);
        for (int i = first; i < integer.length(); i += 3) {
            out.append(groupSeparator).append(integer, i, i + 3);
        }
        if (!fraction.isEmpty()) {
            out.append(decimalSeparator).append(fraction);
        }
        return out.toString();
    }

    /** An indicator's value as the report prints it inline (without its unit). */
    public String value(IndicatorType type, String value, String currency) {
        return switch (type) {
            case TEXT -> value;
            case INTEGER, DECIMAL -> number(value);
            case PERCENTAGE -> number(value) + percentSuffix;
            case MONEY -> money(number(value), currency);
        };
    }

    /** An indicator's value followed by its unit word, if it has one (key figures). */
    public String valueWithUnit(IndicatorType type, String value, String currency, String unit) {
        String formatted = value(type, value, currency);
        boolean takesUnit = type == IndicatorType.INTEGER || type == IndicatorType.DECIMAL;
        return takesUnit && unit != null && !unit.isBlank() ? formatted + NO_BREAK_SPACE + unit.strip() : formatted;
    }

    private String money(String amount, String currency) {
        if (currency == null || currency.isBlank()) {
            return amount;
        }
        return currencyAfter ? amount + NO_BREAK_SPACE + currency.strip() : currency.strip() + NO_BREAK_SPACE + amount;
    }
}
