package org.reportplatform.render.sources;

import java.util.List;

/** A small table of an edition that charts and tables are drawn from. Cells are exact strings. */
public record Dataset(String edition, String id, String title, List<Column> columns, List<List<String>> rows,
        String unit, String source) {

    public Dataset {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public record Column(String name, boolean numeric) {
    }
}
