package org.reportplatform.gateway.studio.figures;

import org.reportplatform.schemas.DecimalStrings;

/**
 * A figure's value as a French reader sees it in the studio's lists ({@code 4 445},
 * {@code 12,5 %}, {@code 6 400 000 CHF}): thousands grouped by a narrow no-break space, a decimal
 * comma, from the exact decimal string (never a float). The same rules as the render service's
 * {@code ValueFormatter} for French, which the gateway cannot depend on (services meet only over
 * HTTP and topics); only what the picker needs.
 */
final class FrenchNumbers {

    private static final char NARROW_NO_BREAK_SPACE = '\u202F';

    private FrenchNumbers() {
    }

    static String printed(String type, String value, String currency) {
        if (value == null || "text".equals(type) || !DecimalStrings.isPlain(value.strip())) {
            return value == null ? "" : value;
        }
        String number = grouped(value.strip());
        return switch (type == null ? "" : type) {
            case "percentage" -> number + NARROW_NO_BREAK_SPACE + "%";
            case "money" -> currency == null ? number : number + '\u00A0' + currency;
            default -> number;
        };
    }

    private static String grouped(String plain) {
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String integer = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder(negative ? "-" : "");
        int first = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        out.append(integer, 0, first);
        for (int i = first; i < integer.length(); i += 3) {
            out.append(NARROW_NO_BREAK_SPACE).append(integer, i, i + 3);
        }
        if (dot >= 0) {
            out.append(',').append(digits.substring(dot + 1));
        }
        return out.toString();
    }
}
