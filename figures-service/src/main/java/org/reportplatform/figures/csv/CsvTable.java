package org.reportplatform.figures.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.core.NestedExceptionUtils;

/**
 * A CSV request body read as a header row and data rows, each row with the line of the file it
 * starts on (the header is line 1), so that every problem can name its line.
 *
 * <p>The format is RFC 4180: fields containing the separator, quotes or line breaks are quoted,
 * a quote inside is doubled. The separator is a comma, or a semicolon or a tab when the header
 * row has no comma but one of those (what spreadsheets in French write). A UTF-8 byte order mark
 * is ignored, blank lines are skipped, and the spaces around each cell are dropped. The body is
 * decoded with the charset of its Content-Type (UTF-8 by default); a body that does not decode
 * (e.g. a spreadsheet's Windows-1252 export sent as UTF-8) is refused rather than stored with
 * replacement characters.
 */
public record CsvTable(List<String> header, List<Row> rows, char delimiter) {

    /** A data row: its cells (stripped) and the line it starts on. */
    public record Row(long line, List<String> cells) {
    }

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * Reads {@code body}. Refuses with 400 a body that is empty, has no data row or is not CSV,
     * and one with more than {@code maxRows} data rows.
     */
    public static CsvTable parse(String body, int maxRows) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("body", "is empty: send a CSV file whose first line names the columns");
        }
        String text = body.charAt(0) == '\uFEFF' ? body.substring(1) : body;
        int undecodable = text.indexOf('\uFFFD');
        if (undecodable >= 0) {
            throw ApiException.badRequest("body", "is not UTF-8 (line " + new Lines(text).lineAt(undecodable)
                    + " has bytes that are not): save the file as \"CSV UTF-8\", or send its charset in Content-Type");
        }
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                // Blank lines come back as one empty cell and are skipped below: that way a
                // record's character position is exactly where it starts, which gives its line.
                .setIgnoreEmptyLines(false)
                .get();
        Lines lines = new Lines(text);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        long line = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                line = lines.lineAt(record.getCharacterPosition());
                List<String> cells = new ArrayList<>(record.size());
                boolean blank = true;
                for (String value : record) {
                    String cell = value.strip();
                    blank &= cell.isEmpty();
                    cells.add(cell);
                }
                if (blank) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw ApiException.badRequest("body", "has more than " + maxRows
                            + " data rows; import at most " + maxRows + " rows at a time");
                }
                rows.add(new Row(line, List.copyOf(cells)));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.badRequest("body", "is not valid CSV after line " + line + ": " + rootMessage(e)
                    + " (quote a cell that holds the separator, a quote or a line break, and double the quotes inside it)");
        }
        if (header == null) {
            throw ApiException.badRequest("body", "is empty: send a CSV file whose first line names the columns");
        }
        if (rows.isEmpty()) {
            throw ApiException.badRequest("body", "has a header row but no data row");
        }
        return new CsvTable(header, rows, delimiter);
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf(',') >= 0) {
            return ',';
        }
        if (first.indexOf(';') >= 0) {
            return ';';
        }
        if (first.indexOf('\t') >= 0) {
            return '\t';
        }
        return ',';
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Line numbers of character positions, for positions asked in increasing order. */
    private static final class Lines {
        private final String text;
        private int position;
        private long line = 1;

        Lines(String text) {
            this.text = text;
        }

        long lineAt(long characterPosition) {
            int target = (int) Math.min(characterPosition, text.length());
            for (; position < target; position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
