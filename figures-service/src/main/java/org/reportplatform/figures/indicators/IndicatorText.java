package org.reportplatform.figures.indicators;

import io.swagger.v3.oas.annotations.media.Schema;
import org.reportplatform.schemas.IndicatorTexts;

/** An indicator's label, unit and source in one other language; its value is the same in every language. */
public record IndicatorText(
        @Schema(description = "required", example = "Documented cases of arbitrarily detained defenders") String label,
        @Schema(example = "cases") String unit,
        @Schema(example = "SOS Defenders database (first year)") String source) {

    static IndicatorText of(IndicatorTexts stored) {
        return new IndicatorText(stored.getLabel(), stored.getUnit(), stored.getSource());
    }

    IndicatorTexts stored() {
        return new IndicatorTexts(label, unit, source);
    }
}
