package org.reportplatform.render.sources;

/**
 * A validated change of one source: its new state, or null when it was deleted. Built from the
 * Avro events by {@link SourceEvents#decode}.
 */
public sealed interface SourceEvent {

    SourceRef ref();

    long revision();

    EventInfo info();

    /** The new state; null for a delete. */
    Object state();

    default String edition() {
        return ref().edition();
    }

    record ChapterEvent(SourceRef ref, long revision, EventInfo info, Chapter state) implements SourceEvent {
    }

    record IndicatorEvent(SourceRef ref, long revision, EventInfo info, Indicator state) implements SourceEvent {
    }

    record DatasetEvent(SourceRef ref, long revision, EventInfo info, Dataset state) implements SourceEvent {
    }
}
