package org.reportplatform.figures.datasets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.reportplatform.schemas.DatasetTexts;

/** A dataset's title, column labels (chart axes, table headers), unit and source in one other language. */
public record DatasetText(
        @Schema(description = "required", example = "Income by source (illustrative data)") String title,
        @Schema(description = "one label per column, in column order; required", example = "[\"Source\", \"Amount\"]") List<String> columnLabels,
        @Schema(example = "CHF") String unit,
        @Schema(example = "Illustrative data, not from the report") String source) {

    static DatasetText of(DatasetTexts stored) {
        return new DatasetText(stored.getTitle(), List.copyOf(stored.getColumnLabels()), stored.getUnit(), stored.getSource());
    }

    DatasetTexts stored() {
        return new DatasetTexts(title, List.copyOf(columnLabels), unit, source);
    }
}
