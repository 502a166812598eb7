package org.reportplatform.platform.log;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.reportplatform.platform.auth.Caller;
import org.reportplatform.schemas.EventMetadata;

/** The metadata every change event carries: a fresh id, the time, and who made the change. */
public final class EventMetadataFactory {

    private final Clock clock;

    public EventMetadataFactory(Clock clock) {
        this.clock = clock;
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
                .build();
    }
}
