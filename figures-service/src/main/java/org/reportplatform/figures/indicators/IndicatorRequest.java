package org.reportplatform.figures.indicators;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/editions/{edition}/indicators/{id}}. {@code value} stays a JSON
 * node until {@link IndicatorValues} checks it against {@code type}, so decimals are never
 * squeezed through a double.
 */
public record IndicatorRequest(String label, String type, JsonNode value, String currency, String unit, String period,
        String source, String ownerTeam) {
}
