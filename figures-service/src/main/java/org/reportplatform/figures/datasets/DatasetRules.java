package org.reportplatform.figures.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.reportplatform.figures.languages.TextLanguages;
import org.reportplatform.schemas.DatasetTexts;
import java.util.Locale;
import java.util.Map;
import org.reportplatform.schemas.DecimalStrings;
import org.reportplatform.figures.FiguresProperties;
import org.reportplatform.figures.csv.FormulaGuard;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.schemas.ColumnType;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetColumn;
import org.reportplatform.schemas.DatasetState;
import org.reportplatform.schemas.ReportIds;
import tools.jackson.databind.JsonNode;

/**
 * What a dataset may hold. Columns: 1 to {@code maxDatasetColumns}, each with a unique name and a
 * type ({@code text} or {@code number}). Rows: up to {@code maxDatasetRows}, each with one cell
 * per column. A number cell is an exact decimal, stored as its plain string ({@code 1900000},
 * {@code 12.5}); a text cell is one line of at most {@code maxCellLength} characters that a
 * spreadsheet would not run as a formula. The whole dataset is one Kafka record, so its encoded
 * event may not exceed {@code maxDatasetBytes}.
 */
final class DatasetRules {

    static final int MAX_TEXT = 200;

    private final FiguresProperties limits;

    DatasetRules(FiguresProperties limits) {
        this.limits = limits;
    }

    FiguresProperties limits() {
        return limits;
    }

    static void checkPath(String edition, String id) {
        FieldProblems problems = new FieldProblems();
        problems.check(ReportIds.isEdition(edition), "edition", "must be a year of four digits, e.g. 2024");
        if (id != null) {
            problems.check(ReportIds.isSourceId(id), "id",
                    "must be lowercase letters and digits joined by single dots or hyphens (e.g. finances-revenus), at most "
                            + ReportIds.MAX_SOURCE_ID_LENGTH + " characters");
        }
        problems.throwIfAny();
    }

    /** The state a PUT asks for ({@code ownerTeam} empty when it names none), or 400 naming every wrong field and cell. */
    DatasetState validate(DatasetRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON object with title, columns and rows is required");
        }
        FieldProblems problems = new FieldProblems();
        text(problems, "title", request.title(), true);
        text(problems, "unit", request.unit(), false);
        text(problems, "source", request.source(), false);
        team(problems, request.ownerTeam());
        List<DatasetColumn> columns = columns(request.columns(), problems);
        List<List<String>> rows = columns == null ? List.of() : rows(request.rows(), columns, problems);
        Map<String, DatasetTexts> texts = texts(problems, request.texts(), columns == null ? -1 : columns.size());
        problems.throwIfAny();
        return DatasetState.newBuilder().setTitle(request.title()).setColumns(columns).setRows(rows)
                .setUnit(request.unit()).setSource(request.source()).setTexts(new HashMap<>(texts))
                .setOwnerTeam(request.ownerTeam() == null ? "" : request.ownerTeam()).build();
    }

    /** The texts in other languages, checked; {@code columns} is -1 when the columns themselves are wrong. */
    private static Map<String, DatasetTexts> texts(FieldProblems problems, Map<String, DatasetText> texts, int columns) {
        return TextLanguages.check(problems, texts == null ? Map.of() : texts, (prefix, text) -> {
            text(problems, prefix + "title", text.title(), true);
            text(problems, prefix + "unit", text.unit(), false);
            text(problems, prefix + "source", text.source(), false);
            if (text.columnLabels() == null) {
                problems.add(prefix + "columnLabels", "is required: one label per column, in column order");
            } else {
                if (columns >= 0 && text.columnLabels().size() != columns) {
                    problems.add(prefix + "columnLabels", "has " + text.columnLabels().size() + " labels; the dataset has "
                            + columns + " columns: one label per column, in column order");
                }
                for (int i = 0; i < text.columnLabels().size(); i++) {
                    text(problems, prefix + "columnLabels[" + i + "]", text.columnLabels().get(i), true);
                }
            }
        }, DatasetText::stored);
    }

    /**
     * The texts a PUT without texts keeps: all of them, unless the new columns no longer match
     * their labels; then a 400 asks for texts with one label per new column.
     */
    Map<String, DatasetTexts> keptTexts(Map<String, DatasetTexts> texts, int columns) {
        FieldProblems problems = new FieldProblems();
        texts.forEach((language, text) -> problems.check(text.getColumnLabels().size() == columns, "texts." + language + ".columnLabels",
                "has " + text.getColumnLabels().size() + " labels and the new columns are " + columns
                        + ": send texts with one label per column (or {} to remove them)"));
        problems.throwIfAny();
        return texts;
    }

    /** The columns, or null once their problems are recorded. */
    private List<DatasetColumn> columns(List<DatasetRequest.ColumnRequest> requested, FieldProblems problems) {
        if (requested == null || requested.isEmpty()) {
            problems.add("columns", "at least one column is required: [{\"name\": \"label\", \"type\": \"text\"}, ...]");
            return null;
        }
        if (requested.size() > limits.maxDatasetColumns()) {
            problems.add("columns", "has " + requested.size() + " columns; the limit is " + limits.maxDatasetColumns());
            return null;
        }
        List<DatasetColumn> columns = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean valid = true;
        for (int i = 0; i < requested.size(); i++) {
            DatasetRequest.ColumnRequest column = requested.get(i);
            String field = "columns[" + i + "]";
            if (column == null) {
                problems.add(field, "must be an object with a name and a type");
                valid = false;
                continue;
            }
            String nameProblem = columnNameProblem(column.name());
            if (nameProblem != null) {
                problems.add(field + ".name", nameProblem);
                valid = false;
            } else {
                Integer first = seen.putIfAbsent(column.name().strip().toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    problems.add(field + ".name", "'" + column.name() + "' is already the name of columns[" + first + "]");
                    valid = false;
                }
            }
            ColumnType type = type(column.type());
            if (type == null) {
                problems.add(field + ".type", column.type() == null ? "is required: text or number"
                        : "'" + column.type() + "' is not a column type: text or number");
                valid = false;
            }
            if (valid) {
                columns.add(new DatasetColumn(column.name().strip(), type));
            }
        }
        return valid ? columns : null;
    }

    private List<List<String>> rows(JsonNode rows, List<DatasetColumn> columns, FieldProblems problems) {
        if (rows == null || rows.isNull() || rows.isMissingNode()) {
            problems.add("rows", "is required: an array of rows, each an array of cells in column order ([] for none)");
            return List.of();
        }
        if (!rows.isArray()) {
            problems.add("rows", "must be an array of rows, each an array of cells in column order");
            return List.of();
        }
        if (rows.size() > limits.maxDatasetRows()) {
            problems.add("rows", "has " + rows.size() + " rows; the limit is " + limits.maxDatasetRows());
            return List.of();
        }
        List<List<String>> result = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (row == null || !row.isArray()) {
                problems.add("rows[" + i + "]", "must be an array of " + columns.size() + " cells");
                continue;
            }
            if (row.size() != columns.size()) {
                problems.add("rows[" + i + "]", "has " + row.size() + " cells; the dataset has " + columns.size() + " columns");
                continue;
            }
            List<String> cells = new ArrayList<>(columns.size());
            for (int j = 0; j < columns.size(); j++) {
                JsonNode cell = row.get(j);
                String field = "rows[" + i + "][" + j + "]";
                String text = jsonCell(cell);
                if (text == null) {
                    problems.add(field, "must be a " + (columns.get(j).getType() == ColumnType.NUMBER ? "number" : "string")
                            + " (column " + columns.get(j).getName() + ")");
                    continue;
                }
                String problem = cellProblem(text, columns.get(j));
                if (problem != null) {
                    problems.add(field, problem);
                    continue;
                }
                cells.add(stored(text, columns.get(j).getType()));
            }
            result.add(cells);
        }
        return result;
    }

    /** A JSON cell as text (numbers in their exact plain form), or null for what no cell may be. */
    private static String jsonCell(JsonNode cell) {
        if (cell == null || cell.isNull()) {
            return "";
        }
        if (cell.isIntegralNumber()) {
            return cell.bigIntegerValue().toString();
        }
        if (cell.isNumber()) {
            return cell.decimalValue().toPlainString();
        }
        return cell.isString() ? cell.stringValue() : null;
    }

    /** Why a cell (as text) cannot be in {@code column}, or null. */
    String cellProblem(String text, DatasetColumn column) {
        if (column.getType() == ColumnType.NUMBER) {
            String number = text.strip();
            if (number.isEmpty()) {
                return "is empty: every row needs a number in column " + column.getName();
            }
            if (!DecimalStrings.isWithinLimits(number)) {
                return "must be a number written with digits and a dot for decimals, without separators "
                        + "(e.g. 1900000 or 12.5), got \"" + abbreviate(text) + "\" (column " + column.getName() + ")";
            }
            return null;
        }
        if (text.length() > limits.maxCellLength()) {
            return "is " + text.length() + " characters long; the limit is " + limits.maxCellLength();
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return "must be one line without control characters";
        }
        return FormulaGuard.problem(text);
    }

    /** Whether a CSV cell can be a number cell (to infer a column's type). */
    static boolean isNumber(String text) {
        return DecimalStrings.isWithinLimits(text.strip());
    }

    static String stored(String text, ColumnType type) {
        return type == ColumnType.NUMBER ? new BigDecimal(text.strip()).stripTrailingZeros().toPlainString() : text;
    }

    String columnNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "is required and must not be blank";
        }
        if (name.length() > limits.maxCellLength()) {
            return "is " + name.length() + " characters long; the limit is " + limits.maxCellLength();
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return "must be one line without control characters";
        }
        return FormulaGuard.problem(name);
    }

    static ColumnType type(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> ColumnType.TEXT;
            case "number" -> ColumnType.NUMBER;
            default -> null;
        };
    }

    static void text(FieldProblems problems, String field, String value, boolean required) {
        if (value == null) {
            problems.check(!required, field, "is required");
            return;
        }
        problems.check(!required || !value.isBlank(), field, "must not be blank");
        problems.check(value.length() <= MAX_TEXT, field, "is " + value.length() + " characters long; the limit is " + MAX_TEXT);
        problems.check(value.chars().noneMatch(Character::isISOControl), field, "must be one line without control characters");
        String formula = FormulaGuard.problem(value);
        if (formula != null) {
            problems.add(field, formula);
        }
    }

    static void team(FieldProblems problems, String ownerTeam) {
        if (ownerTeam != null) {
            problems.check(ReportIds.isTeam(ownerTeam), "ownerTeam", "must be a team id: lowercase letters, digits and single hyphens");
        }
    }

    /** One dataset is one Kafka record: refuses one whose encoded event would not fit. */
    void checkSize(DatasetChanged event) {
        int bytes;
        try {
            bytes = event.toByteBuffer().remaining();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode dataset " + event.getDatasetId(), e);
        }
        if (bytes > limits.maxDatasetBytes()) {
            throw ApiException.badRequest("rows", "the dataset takes " + bytes + " bytes once encoded; one dataset may take at most "
                    + limits.maxDatasetBytes() + " (it is one Kafka record): split it or shorten its cells");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
