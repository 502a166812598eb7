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

    record EditionEvent(SourceRef ref, long revision, EventInfo info, Edition state) implements SourceEvent {
    }

    record TranslationEvent(SourceRef ref, long revision, EventInfo info, Translation state) implements SourceEvent {
        public String slug() {
            return ref.id().substring(0, ref.id().indexOf('/'));
        }

        public String language() {
            return ref.id().substring(ref.id().indexOf('/') + 1);
        }
    }
}
