package org.reportplatform.render.sources;

import java.time.Instant;
import java.util.Objects;
import org.reportplatform.schemas.EventMetadata;

/** Which change event it was: what a rendered page names as its cause. */
public record EventInfo(String eventId, Instant occurredAt, String traceparent) {

    public EventInfo {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(occurredAt);
    }

    static EventInfo of(EventMetadata metadata) {
        return new EventInfo(metadata.getEventId(), metadata.getOccurredAt(), metadata.getTraceparent());
    }
}
