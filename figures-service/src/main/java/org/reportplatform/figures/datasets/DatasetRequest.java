package org.reportplatform.figures.datasets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/editions/{edition}/datasets/{id}}. {@code rows} stays a JSON tree
 * until {@link DatasetRules} checks each cell against its column, so that a number keeps its exact
 * digits (JSON floats are read as BigDecimal) and each wrong cell can be named ({@code rows[3][1]}).
 */
public record DatasetRequest(
        @Schema(description = "title shown with the chart or table", example = "Revenus par source (données illustratives)")
        String title,
        @Schema(description = "the columns, in order; at most 50")
        List<ColumnRequest> columns,
        @Schema(implementation = Object[][].class, description = "the rows: arrays of cells in column order, at most 10,000; a number cell is a "
                + "JSON number or a decimal string (kept exact), a text cell a string",
                example = "[[\"Gouvernements\", 3200000], [\"Fondations privées\", \"1400000\"]]")
        JsonNode rows,
        @Schema(description = "unit of the number columns", example = "CHF")
        String unit,
        @Schema(description = "where the data comes from", example = "Données illustratives, non issues du rapport")
        String source,
        @Schema(description = "the owning team; required to create, admin only to change", example = "donateurs-finances")
        String ownerTeam,
        @Schema(description = "title, column labels (one per column), unit and source in other languages, by language; "
                + "absent: unchanged, {} removes them")
        java.util.Map<String, DatasetText> texts) {

    /** One column: a name and a type, {@code text} or {@code number}. */
    @Schema(name = "DatasetColumnRequest")
    public record ColumnRequest(
            @Schema(example = "amount") String name,
            @Schema(allowableValues = {"text", "number"}, example = "number") String type) {
    }
}
