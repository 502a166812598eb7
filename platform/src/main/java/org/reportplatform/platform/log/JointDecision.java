package org.reportplatform.platform.log;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a write spanning two logs decided ({@link RevisionLog#writeWith}): the events for the
 * first log's topic, those for the other's, published together in one transaction, and what to
 * answer the caller.
 */
public record JointDecision<E extends SpecificRecord, F extends SpecificRecord, R>(List<E> events, List<F> otherEvents, R result) {

    public JointDecision {
        events = List.copyOf(events);
        otherEvents = List.copyOf(otherEvents);
    }

    public static <E extends SpecificRecord, F extends SpecificRecord, R> JointDecision<E, F, R> nothing(R result) {
        return new JointDecision<>(List.of(), List.of(), result);
    }
}
