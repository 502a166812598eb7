package org.reportplatform.render.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small table of an edition that charts and tables are drawn from. Cells are exact strings.
 * {@code texts}: its title, column labels, unit and source in other languages (the cells are one
 * for all languages).
 */
public record Dataset(String edition, String id, String title, List<Column> columns, List<List<String>> rows,
        String unit, String source, Map<String, Texts> texts) {

    public Dataset {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        texts = java.util.Collections.unmodifiableMap(new TreeMap<>(texts));
    }

    public Dataset(String edition, String id, String title, List<Column> columns, List<List<String>> rows, String unit, String source) {
        this(edition, id, title, columns, rows, unit, source, Map.of());
    }

    /** The dataset as a page in {@code language} shows it (chart axes, table headers): its texts there, else the source's. */
    public Dataset in(String language) {
        Texts t = language == null ? null : texts.get(language);
        if (t == null) {
            return this;
        }
        List<Column> named = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            String label = c < t.columnLabels().size() && t.columnLabels().get(c) != null && !t.columnLabels().get(c).isBlank()
                    ? t.columnLabels().get(c) : columns.get(c).name();
            named.add(new Column(label, columns.get(c).numeric()));
        }
        return new Dataset(edition, id, t.title() == null || t.title().isBlank() ? title : t.title(), named, rows,
                t.unit() == null ? unit : t.unit(), t.source() == null ? source : t.source(), texts);
    }

    public record Column(String name, boolean numeric) {
    }

    /** A dataset's words in one language: one label per column. */
    public record Texts(String title, List<String> columnLabels, String unit, String source) {
        public Texts {
            columnLabels = columnLabels == null ? List.of() : List.copyOf(columnLabels);
        }
    }
}
