package org.reportplatform.figures.csv;

import java.util.regex.Pattern;

/**
 * Refuses text that a spreadsheet would run as a formula when the figures are exported and
 * opened again (CSV or formula injection): text whose first non-blank character is {@code =},
 * {@code +}, {@code -} or {@code @}, unless the whole text is a plain number such as
 * {@code -12.5}. Such text is refused rather than stored escaped: an escape (a leading
 * apostrophe) would be printed in the report. The rule holds for every text the service
 * stores, whether it came as JSON or as CSV: it may be exported later either way.
 */
public final class FormulaGuard {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("^[-+]?\\d+(\\.\\d+)?$");

    private FormulaGuard() {
    }

    /** Why {@code text} is refused, or null when it is safe. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        String start = text.stripLeading();
        if (start.isEmpty()) {
            return null;
        }
        char first = start.charAt(0);
        if ((first == '=' || first == '+' || first == '-' || first == '@') && !PLAIN_NUMBER.matcher(start.strip()).matches()) {
            return "starts with '" + first + "', which a spreadsheet would run as a formula; "
                    + "reword it so that it does not start with = + - or @";
        }
        return null;
    }
}
