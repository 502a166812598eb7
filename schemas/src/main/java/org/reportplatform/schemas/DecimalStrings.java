package org.reportplatform.schemas;

import java.util.regex.Pattern;

/**
 * How an exact decimal travels in the events (indicator values, dataset cells): a string, never a
 * binary float, in plain form: an optional minus, digits, optionally a point and more digits; no
 * exponent, no grouping, no plus sign. The writers accept at most {@value #MAX_INTEGER_DIGITS}
 * integer and {@value #MAX_FRACTION_DIGITS} fraction digits; the render service reads any plain
 * form, so an older event written under other limits stays readable.
 */
public final class DecimalStrings {

    public static final int MAX_INTEGER_DIGITS = 30;
    public static final int MAX_FRACTION_DIGITS = 10;

    private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern WITHIN_LIMITS = Pattern.compile(
            "-?[0-9]{1," + MAX_INTEGER_DIGITS + "}(?:\\.[0-9]{1," + MAX_FRACTION_DIGITS + "})?");

    private DecimalStrings() {
    }

    /** Whether {@code text} is a decimal in plain form, whatever its length. */
    public static boolean isPlain(String text) {
        return text != null && PLAIN.matcher(text).matches();
    }

    /** Whether {@code text} is a decimal in plain form within the writers' digit limits. */
    public static boolean isWithinLimits(String text) {
        return text != null && WITHIN_LIMITS.matcher(text).matches();
    }
}
