package org.reportplatform.gateway.studio.figures;

import org.reportplatform.gateway.studio.StudioLabels;
import tools.jackson.databind.JsonNode;

/**
 * A key figure's value waiting for its publication time (figures-service's
 * {@code GET …/indicators/{id}/schedule}): nothing of it is public before then.
 *
 * @param value     the value as the report will print it (« 5 000 cas »)
 * @param chosen    when, as it was chosen: « 26 juin 2025 à 09:00 (Genève) »
 * @param at        the instant (ISO), for {@code <time datetime>}
 * @param revision  the schedule's revision (If-Match when changing it)
 */
public record ScheduledValue(String value, String chosen, String at, String timeZone, long revision, String scheduledBy) {

    /** Null when the answer holds no schedule. */
    static ScheduledValue of(JsonNode json) {
        if (json == null || !json.path("at").isString()) {
            return null;
        }
        String name = json.path("updatedByName").asString("");
        return new ScheduledValue(StudioLabels.indicatorValue(json.path("indicator")),
                StudioLabels.scheduled(json.path("localDateTime").asString(""), json.path("timeZone").asString("")),
                json.path("at").asString(""), json.path("timeZone").asString(""), json.path("revision").asLong(-1),
                name.isBlank() ? json.path("updatedBy").asString("") : name);
    }
}
