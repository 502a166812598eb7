package org.reportplatform.platform.log;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a write decided, once validated against the current state: the events to publish
 * (possibly none, for a change that changes nothing) and what to answer the caller.
 */
public record Decision<E extends SpecificRecord, R>(List<E> events, R result) {

    public Decision {
        events = List.copyOf(events);
    }

    public static <E extends SpecificRecord, R> Decision<E, R> publish(E event, R result) {
        return new Decision<>(List.of(event), result);
    }

    public static <E extends SpecificRecord, R> Decision<E, R> nothing(R result) {
        return new Decision<>(List.of(), result);
    }
}
