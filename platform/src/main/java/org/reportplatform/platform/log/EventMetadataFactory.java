package org.reportplatform.platform.log;

import java.time.Clock;
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
                .setOccurredAt(clock.instant())
                .setActor(actor)
                .build();
    }
}
