package org.reportplatform.platform.log;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.reportplatform.platform.security.Caller;
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

    /** The metadata of a change {@code caller} makes: the account, the person's name, the token if any. */
    public EventMetadata by(Caller caller) {
        return build(caller.accountId(), caller.displayName(), caller.token());
    }

    /** The metadata of a change the platform makes itself (e.g. {@code system:demo-loader}). */
    public EventMetadata by(String actor) {
        return build(actor, null, null);
    }

    /**
     * The metadata of a change that follows from another one (the chapters renumbered when one
     * moves): made by the same person, with the same token, as its own event (fresh id and time).
     */
    public EventMetadata following(EventMetadata cause) {
        return build(cause.getActor(), cause.getActorName(), cause.getToken());
    }

    private EventMetadata build(String actor, String actorName, String token) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                // The event carries milliseconds (timestamp-millis): what a writer applies to its
                // memory must equal what a replay of the log gives, to the digit.
                .setOccurredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setActor(actor)
                .setActorName(actorName)
                .setToken(token)
                .setTraceparent(traceparent.get())
                .build();
    }
}
