package org.reportplatform.platform.log;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.reportplatform.platform.auth.Caller;
import org.reportplatform.schemas.EventMetadata;

/**
 * The metadata every change event carries: a fresh id, the time, who made the change, and the
 * trace context of the request that made it (when there is one).
 */
public final class EventMetadataFactory {

    private final Clock clock;
    private final Supplier<String> traceparent;

    public EventMetadataFactory(Clock clock) {
        this(clock, () -> null);
    }

    /** @param traceparent the W3C traceparent current on the calling thread, or null */
    public EventMetadataFactory(Clock clock, Supplier<String> traceparent) {
        this.clock = clock;
        this.traceparent = traceparent;
    }

    public EventMetadata by(Caller caller) {
        return by(caller.actor());
    }

    public EventMetadata by(String actor) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                // The event carries milliseconds (timestamp-millis): what a writer applies to its
                // memory must equal what a replay of the log gives, to the digit.
                .setOccurredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setActor(actor)
                .setTraceparent(traceparent.get())
                .build();
    }
}
