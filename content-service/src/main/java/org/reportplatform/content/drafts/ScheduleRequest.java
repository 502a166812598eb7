package org.reportplatform.content.drafts;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code :schedule}: when to publish, as a local date-time and its zone, or an offset date-time. */
public record ScheduleRequest(
        @Schema(example = "2025-06-26T09:00") String at,
        @Schema(example = "Europe/Zurich") String timeZone) {
}
