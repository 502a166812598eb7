package org.reportplatform.platform.revisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.platform.log.LogPosition;
import org.reportplatform.schemas.EventMetadata;

/**
 * How to read the revisions of one family of resources (chapters, indicators, datasets) from its
 * change events: each event carries a key, a revision, its metadata, and the full new state of
 * the resource, or none when the change deleted it.
 *
 * <p>From that, the history views every writer offers are generic: one summary per revision
 * (who, when, which fields changed, whether it deleted the resource), the event at revision n,
 * and a diff between two revisions. What fields exist comes from the state's Avro schema.
 *
 * <pre>
 * static final Revisioned&lt;ChapterChanged, ChapterState&gt; CHAPTERS = new Revisioned&lt;&gt;(
 *         e -&gt; Topics.sourceKey(e.getEdition(), e.getSlug()), ChapterChanged::getRevision,
 *         ChapterChanged::getMetadata, ChapterChanged::getChapter);
 * </pre>
 *
 * @param keyOf      the record key of an event ({@code edition/id})
 * @param revisionOf its revision: 1, 2, 3... per key, deletes included
 * @param metadataOf who made the change and when
 * @param stateOf    the full new state, or null when the event deleted the resource
 */
public record Revisioned<E extends SpecificRecord, S extends SpecificRecord>(
        Function<E, String> keyOf,
        ToLongFunction<E> revisionOf,
        Function<E, EventMetadata> metadataOf,
        Function<E, S> stateOf) {

    public Revisioned {
        Objects.requireNonNull(keyOf, "keyOf");
        Objects.requireNonNull(revisionOf, "revisionOf");
        Objects.requireNonNull(metadataOf, "metadataOf");
        Objects.requireNonNull(stateOf, "stateOf");
    }

    /**
     * An empty history of this family's events, which reads older revisions back from the log
     * with {@code readBack} (e.g. a {@link org.reportplatform.platform.log.RevisionReader}'s {@code read}).
     */
    public RevisionHistory<E, S> newHistory(Function<List<LogPosition>, List<E>> readBack) {
        return new RevisionHistory<>(this, readBack);
    }

    /** One summary per revision of a history (oldest first), each compared with the revision before it. */
    public List<RevisionSummary> summaries(List<E> history) {
        List<RevisionSummary> summaries = new ArrayList<>(history.size());
        S previous = null;
        for (E event : history) {
            S state = stateOf.apply(event);
            EventMetadata metadata = metadataOf.apply(event);
            summaries.add(new RevisionSummary(revisionOf.applyAsLong(event), metadata.getOccurredAt(), metadata.getActor(),
                    RevisionSummary.nameOf(metadata.getActor(), metadata.getActorName()), changedFields(previous, state), state == null));
            previous = state;
        }
        return summaries;
    }

    /** The event of revision {@code revision} in a history, if there is one. */
    public Optional<E> at(List<E> history, long revision) {
        // Revisions are 1..k in log order, so revision n is normally at index n - 1.
        if (revision >= 1 && revision <= history.size()) {
            E candidate = history.get((int) (revision - 1));
            if (revisionOf.applyAsLong(candidate) == revision) {
                return Optional.of(candidate);
            }
        }
        return history.stream().filter(e -> revisionOf.applyAsLong(e) == revision).findFirst();
    }

    /**
     * The fields (in schema order) whose value differs between two states. A state that comes
     * after none (a creation, or a return after a deletion) changes every field; a deletion
     * changes none (it is flagged as deleted instead).
     */
    public List<String> changedFields(S before, S after) {
        if (after == null) {
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        for (Schema.Field field : after.getSchema().getFields()) {
            if (before == null || !Objects.equals(before.get(field.pos()), after.get(field.pos()))) {
                changed.add(field.name());
            }
        }
        return changed;
    }

    /**
     * Compares two events of one resource: which fields differ, and a line-based unified diff of
     * the named text fields (e.g. title and body). A deleted state counts as empty text.
     */
    public RevisionDiff diff(E from, E to, List<String> textFields) {
        S before = stateOf.apply(from);
        S after = stateOf.apply(to);
        long fromRevision = revisionOf.applyAsLong(from);
        long toRevision = revisionOf.applyAsLong(to);
        StringBuilder unified = new StringBuilder();
        for (String field : textFields) {
            unified.append(TextDiff.unified(field + " (revision " + fromRevision + ")", field + " (revision " + toRevision + ")",
                    text(before, field), text(after, field), TextDiff.DEFAULT_CONTEXT));
        }
        return new RevisionDiff(fromRevision, toRevision, differingFields(before, after), before == null, after == null,
                unified.toString());
    }

    private List<String> differingFields(S before, S after) {
        if (before == null && after == null) {
            return List.of();
        }
        if (after == null) {
            return changedFields(null, before);
        }
        return changedFields(before, after);
    }

    private static String text(SpecificRecord state, String field) {
        if (state == null) {
            return null;
        }
        Schema.Field schemaField = state.getSchema().getField(field);
        if (schemaField == null) {
            throw new IllegalArgumentException(state.getSchema().getName() + " has no field " + field);
        }
        Object value = state.get(schemaField.pos());
        return value == null ? null : value.toString();
    }
}
