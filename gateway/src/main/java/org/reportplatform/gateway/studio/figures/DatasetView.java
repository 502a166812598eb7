package org.reportplatform.gateway.studio.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A dataset as figures-service shows it (its GET): typed columns and rows of exact cell strings. */
public record DatasetView(String id, String title, List<Column> columns, List<List<String>> rows, String unit, String source,
        String ownerTeam, long revision, String updatedByName, Map<String, DatasetTexts.Words> texts) {

    /** A column: its name and its type, {@code text} or {@code number}. */
    public record Column(String name, String type) {
        public boolean isNumber() {
            return "number".equals(type);
        }
    }

    static DatasetView of(JsonNode node) {
        List<Column> columns = new ArrayList<>();
        node.path("columns").forEach(c -> columns.add(new Column(c.path("name").asString(""), c.path("type").asString("text"))));
        List<List<String>> rows = new ArrayList<>();
        node.path("rows").forEach(row -> {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(IndicatorView.exact(cell)));
            rows.add(List.copyOf(cells));
        });
        return new DatasetView(node.path("id").asString(""), node.path("title").asString(""), List.copyOf(columns),
                List.copyOf(rows), text(node, "unit"), text(node, "source"), text(node, "ownerTeam"),
                node.path("revision").asLong(-1), text(node, "updatedByName"), DatasetTexts.of(node.path("texts")));
    }

    /** The column names, for hints ("Programme, Montant"). */
    public String columnNames() {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString("");
    }
}
