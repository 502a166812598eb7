package org.reportplatform.gateway.search;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Joins the digit groups of a number: {@code 4 445} (narrow no-break space, as the report prints
 * French figures), {@code 4 445} (no-break or plain space), {@code 4,445} (English) all become
 * {@code 4445}, in the index and in the query alike, so any way of typing a figure finds it. Only
 * groups of exactly three digits after one to three digits are joined: {@code 2023 2024} and
 * {@code 1,5} are left alone. Offsets are corrected, so highlighting marks the original text.
 */
final class DigitGroupCharFilter extends BaseCharFilter {

    private static final Pattern GROUPED = Pattern.compile("(?<![\\d.,])\\d{1,3}(?:[\\u00A0\\u202F\\u2009 ,.]\\d{3})+(?![\\d]|[.,]\\d)");
    private static final Pattern SEPARATOR = Pattern.compile("[\\u00A0\\u202F\\u2009 ,.]");

    private String output;
    private int position;

    DigitGroupCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (output == null) {
            output = join(readAll());
        }
        if (position >= output.length()) {
            return -1;
        }
        int count = Math.min(length, output.length() - position);
        output.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[4096];
        for (int read = input.read(chunk); read != -1; read = input.read(chunk)) {
            text.append(chunk, 0, read);
        }
        return text.toString();
    }

    /** The text with its numbers' separators removed, recording where each removal shifts the offsets. */
    private String join(String text) {
        Matcher number = GROUPED.matcher(text);
        StringBuilder joined = new StringBuilder(text.length());
        int copied = 0;
        int removed = 0;
        while (number.find()) {
            joined.append(text, copied, number.start());
            Matcher separator = SEPARATOR.matcher(text).region(number.start(), number.end());
            int from = number.start();
            while (separator.find()) {
                joined.append(text, from, separator.start());
                removed++;
                addOffCorrectMap(joined.length(), removed);
                from = separator.end();
            }
            joined.append(text, from, number.end());
            copied = number.end();
        }
        joined.append(text, copied, text.length());
        return joined.toString();
    }
}
