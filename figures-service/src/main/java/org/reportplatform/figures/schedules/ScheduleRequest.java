package org.reportplatform.figures.schedules;

import io.swagger.v3.oas.annotations.media.Schema;
import org.reportplatform.figures.indicators.IndicatorRequest;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/editions/{edition}/indicators/{id}/schedule}: the fields of the
 * indicator's own PUT (checked by the same rules) and when to publish them.
 */
public record ScheduleRequest(
        String label,
        String type,
        @Schema(description = "as in the indicator's PUT: a JSON number (or decimal string) for numbers, a string for text", example = "160")
        JsonNode value,
        String currency,
        String unit,
        String period,
        String source,
        @Schema(description = "admin only to change, as in the indicator's PUT") String ownerTeam,
        @Schema(description = "ISO local date-time (with timeZone), or an offset date-time", example = "2025-06-26T09:00")
        String at,
        @Schema(description = "IANA time zone the time is read in and shown back in", example = "Europe/Zurich")
        String timeZone) {

    /** The indicator PUT this schedule will make at its time. */
    IndicatorRequest indicator() {
        return new IndicatorRequest(label, type, value, currency, unit, period, source, ownerTeam, null);
    }
}
