package org.reportplatform.gateway.studio.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The dataset editor's form as the person filled it in: title, unit, source, the revision they
 * started from, the table's cells ({@code cell-R-C}: the rows in the order of R, which need not
 * follow each other, so the page's script may add and remove rows freely) and what is wrong with
 * it, in French, by key: {@code title}, {@code cell-3-1} (row 3, column 1, counted from 0 as the
 * API's {@code rows[3][1]}), {@code row-3}, or {@code ""} for the whole form.
 */
public record DatasetForm(String title, String unit, String source, long revision, List<List<String>> rows,
        Map<String, String> errors) {

    private static final Pattern CELL = Pattern.compile("^cell-(\\d{1,5})-(\\d{1,3})$");
    private static final Pattern API_CELL = Pattern.compile("^rows\\[(\\d+)]\\[(\\d+)]$");
    private static final Pattern API_ROW = Pattern.compile("^rows\\[(\\d+)]$");

    static DatasetForm of(DatasetView dataset) {
        return new DatasetForm(dataset.title(), nullToEmpty(dataset.unit()), nullToEmpty(dataset.source()), dataset.revision(),
                dataset.rows(), Map.of());
    }

    static DatasetForm of(MultiValueMap<String, String> data, int columns) {
        TreeMap<Integer, String[]> rows = new TreeMap<>();
        data.forEach((name, values) -> {
            Matcher m = CELL.matcher(name);
            if (m.matches() && Integer.parseInt(m.group(2)) < columns) {
                String[] row = rows.computeIfAbsent(Integer.parseInt(m.group(1)), r -> new String[columns]);
                row[Integer.parseInt(m.group(2))] = values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
            }
        });
        List<List<String>> cells = new ArrayList<>();
        rows.values().forEach(row -> {
            List<String> list = new ArrayList<>();
            for (String cell : row) {
                list.add(cell == null ? "" : cell);
            }
            cells.add(List.copyOf(list));
        });
        long revision;
        try {
            revision = Long.parseLong(first(data, "revision"));
        } catch (NumberFormatException missing) {
            revision = 0;
        }
        return new DatasetForm(first(data, "title"), first(data, "unit"), first(data, "source"), revision, List.copyOf(cells), Map.of());
    }

    DatasetForm withRows(List<List<String>> newRows) {
        return new DatasetForm(title, unit, source, revision, List.copyOf(newRows), errors);
    }

    DatasetForm withRevision(long newRevision) {
        return new DatasetForm(title, unit, source, newRevision, rows, errors);
    }

    DatasetForm withError(String key, String message) {
        Map<String, String> copy = new LinkedHashMap<>(errors);
        copy.putIfAbsent(key, message);
        // Unmodifiable but still in the API's order (row by row): Map.copyOf would shuffle the summary.
        return new DatasetForm(title, unit, source, revision, rows, java.util.Collections.unmodifiableMap(copy));
    }

    /** The key of the form's place for an API field: {@code rows[3][1]} -> {@code cell-3-1}, {@code rows[3]} -> {@code row-3}. */
    static String keyOf(String apiField) {
        Matcher cell = API_CELL.matcher(apiField);
        if (cell.matches()) {
            return "cell-" + cell.group(1) + "-" + cell.group(2);
        }
        Matcher row = API_ROW.matcher(apiField);
        if (row.matches()) {
            return "row-" + row.group(1);
        }
        return switch (apiField) {
            case "title", "unit", "source" -> apiField;
            default -> "";
        };
    }

    public String error(String key) {
        return errors.get(key);
    }

    public String generalError() {
        return errors.get("");
    }

    /** {@code aria-invalid}: "true" when the place has an error, null (no attribute) otherwise. */
    public String invalid(String key) {
        return errors.containsKey(key) ? "true" : null;
    }

    /** {@code aria-describedby}: the error's id when there is one, else null. */
    public String describedBy(String key) {
        return errors.containsKey(key) ? key + "-error" : null;
    }

    /** Every error but the whole form's, for the summary at the top (key, message). */
    public List<Map.Entry<String, String>> placedErrors() {
        return errors.entrySet().stream().filter(e -> !e.getKey().isEmpty()).toList();
    }

    /**
     * Where a place is, in the words of the table the person sees ("Ligne 2, colonne Montant", "Ligne 2",
     * "Titre"), so that the summary above the table says which cell to correct; null for the whole form.
     */
    public static String placeOf(String key, DatasetView dataset) {
        Matcher cell = CELL.matcher(key);
        if (cell.matches()) {
            int column = Integer.parseInt(cell.group(2));
            String name = column < dataset.columns().size() ? ", colonne " + dataset.columns().get(column).name() : "";
            return "Ligne " + (Integer.parseInt(cell.group(1)) + 1) + name;
        }
        if (key.startsWith("row-")) {
            return "Ligne " + (Integer.parseInt(key.substring(4)) + 1);
        }
        return switch (key) {
            case "title" -> "Titre";
            case "unit" -> "Unité";
            case "source" -> "Source";
            default -> null;
        };
    }

    public String cellId(int row, int column) {
        return "cell-" + row + "-" + column;
    }

    private static String first(MultiValueMap<String, String> data, String name) {
        String value = data.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
