package org.reportplatform.figures.indicators;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.reportplatform.schemas.DecimalStrings;
import org.reportplatform.figures.csv.FormulaGuard;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.schemas.IndicatorType;
import tools.jackson.databind.JsonNode;

/**
 * Checks a typed value and gives its exact stored form: a plain decimal string for numbers
 * (e.g. {@code 4445}, {@code 12.5}), the text itself for text.
 */
final class IndicatorValues {

    /** As many digits as a decimal's integer part may have. */
    private static final int MAX_INTEGER_DIGITS = 30;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    static final int MAX_TEXT = 500;

    private IndicatorValues() {
    }

    static IndicatorType type(String type, FieldProblems problems) {
        if (type == null) {
            problems.add("type", "is required: one of integer, decimal, percentage, money, text");
            return null;
        }
        try {
            return IndicatorType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("type", "'" + type + "' is not one of integer, decimal, percentage, money, text");
            return null;
        }
    }

    /** The exact stored form of {@code value}, or null after recording why it is not valid. */
    static String normalize(IndicatorType type, JsonNode value, String currency, FieldProblems problems) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            problems.add("value", "is required");
            return null;
        }
        return switch (type) {
            case INTEGER -> {
                if (!value.isIntegralNumber() && !(value.isNumber() && isWhole(value.decimalValue()))) {
                    problems.add("value", "must be a whole number for an integer indicator (e.g. 4445), got " + describe(value));
                    yield null;
                }
                // Counted before the number is written out: 1e400 is whole, and 1e999999999 would take gigabytes.
                BigDecimal whole = value.decimalValue();
                if (whole.precision() - whole.scale() > MAX_INTEGER_DIGITS) {
                    problems.add("value", "must have at most " + MAX_INTEGER_DIGITS + " digits, got " + describe(value));
                    yield null;
                }
                yield value.bigIntegerValue().toString();
            }
            case DECIMAL -> decimal(value, problems);
            case PERCENTAGE -> {
                String d = decimal(value, problems);
                if (d != null && (new BigDecimal(d).compareTo(BigDecimal.ZERO) < 0 || new BigDecimal(d).compareTo(HUNDRED) > 0)) {
                    problems.add("value", "a percentage must be between 0 and 100, got " + d);
                    yield null;
                }
                yield d;
            }
            case MONEY -> {
                String d = decimal(value, problems);
                if (currency == null) {
                    problems.add("currency", "is required for money: an ISO 4217 code such as CHF or EUR");
                } else if (!isCurrency(currency)) {
                    problems.add("currency", "'" + currency + "' is not an ISO 4217 currency code");
                }
                yield d;
            }
            case TEXT -> {
                if (!value.isString() || value.stringValue().isBlank()) {
                    problems.add("value", "must be a non-empty string for a text indicator");
                    yield null;
                }
                if (value.stringValue().length() > MAX_TEXT) {
                    problems.add("value", "is longer than " + MAX_TEXT + " characters");
                    yield null;
                }
                String formula = FormulaGuard.problem(value.stringValue());
                if (formula != null) {
                    problems.add("value", formula);
                    yield null;
                }
                yield value.stringValue();
            }
        };
    }

    private static String decimal(JsonNode value, FieldProblems problems) {
        String text = value.isNumber() ? value.decimalValue().toPlainString() : value.isString() ? value.stringValue().strip() : null;
        if (text == null || !DecimalStrings.isWithinLimits(text)) {
            problems.add("value", "must be a decimal number written with a dot and without separators (a JSON number, or a string such as \"12.5\"), got " + describe(value));
            return null;
        }
        return new BigDecimal(text).stripTrailingZeros().toPlainString();
    }

    private static boolean isWhole(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0;
    }

    private static boolean isCurrency(String code) {
        return code.matches("^[A-Z]{3}$") && CURRENCIES.contains(code);
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
