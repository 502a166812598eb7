package org.reportplatform.figures.csv;

/**
 * One thing wrong with one row of an imported CSV file.
 *
 * @param line    the line of the file the row starts on (the header is line 1)
 * @param id      the id the row names, when it names one (indicator imports)
 * @param field   the column (or {@code header}, {@code id}...) that is wrong
 * @param problem what is wrong, in plain words
 */
public record RowProblem(long line, String id, String field, String problem) {
}
