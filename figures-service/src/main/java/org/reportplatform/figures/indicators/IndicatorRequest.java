package org.reportplatform.figures.indicators;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/editions/{edition}/indicators/{id}}. {@code value} stays a JSON
 * node until {@link IndicatorValues} checks it against {@code type}, so decimals are never
 * squeezed through a double.
 */
public record IndicatorRequest(
        @Schema(description = "label in the report's language", example = "Cas de défenseur.e.s détenu.e.s arbitrairement documentés")
        String label,
        @Schema(allowableValues = {"integer", "decimal", "percentage", "money", "text"}, example = "integer")
        String type,
        @Schema(description = "integer: a whole JSON number; decimal, percentage (0 to 100) and money: a JSON number or a "
                + "decimal string such as \"12.5\", kept exact; text: a string", example = "4445")
        JsonNode value,
        @Schema(description = "ISO 4217 code, for money only", example = "CHF")
        String currency,
        @Schema(example = "cas") String unit,
        @Schema(example = "2024") String period,
        @Schema(description = "where the number comes from", example = "Base de données SOS Défenseur.e.s (première année)")
        String source,
        @Schema(description = "the owning team; required to create, admin only to change", example = "defenseurs")
        String ownerTeam,
        @Schema(description = "label (required), unit and source in other languages, by language; absent: unchanged, {} removes them")
        java.util.Map<String, IndicatorText> texts) {
}
