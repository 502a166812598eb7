package org.reportplatform.platform.scheduling;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A time to publish at: the exact instant, and the local date-time and zone the person chose
 * (shown back to them as they wrote it).
 */
public record PublicationTime(Instant at, LocalDateTime localDateTime, ZoneId zone) {
}
