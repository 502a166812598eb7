package org.reportplatform.platform.revisions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.LogPosition;
import org.reportplatform.platform.log.LogUnavailableException;
import org.reportplatform.schemas.EventMetadata;
import org.springframework.http.HttpStatus;

/**
 * The history of every key of a source topic, kept small: the latest event of each key whole
 * (the resource as it is now), and for every revision only its summary (who, when, which fields
 * changed, whether it deleted the resource) and its position on the topic. An older revision's
 * content is read back from the log when it is asked for ({@code readBack}, a
 * {@link org.reportplatform.platform.log.RevisionReader}). Fed only with committed events (by a
 * {@code RevisionLog}); safe to read while it is fed.
 *
 * <p>Memory grows with the number of revisions by one small entry each (about 70 bytes measured:
 * numbers, and references to actor names and changed-field lists shared by all entries), whatever the size
 * of the content; the content held whole is one version per key. Appending is O(1) whatever the
 * length of a key's history.
 */
public class RevisionHistory<E extends SpecificRecord, S extends SpecificRecord> {

    private final Revisioned<E, S> revisions;
    private final Function<List<LogPosition>, List<E>> readBack;
    private final Map<String, Trail<E>> trails = new ConcurrentHashMap<>();
    /** One shared instance per distinct actor and per distinct list of changed fields: there are few of each. */
    private final Map<String, String> actors = new ConcurrentHashMap<>();
    private final Map<List<String>, List<String>> changedLists = new ConcurrentHashMap<>();

    /**
     * @param revisions how to read key, revision, metadata and state from the events
     * @param readBack  reads the events at the given positions of the topic, in the same order
     */
    public RevisionHistory(Revisioned<E, S> revisions, Function<List<LogPosition>, List<E>> readBack) {
        this.revisions = revisions;
        this.readBack = readBack;
    }

    /** Adds a committed event, found at {@code position} on the topic, as its key's latest revision. */
    public void apply(E event, LogPosition position) {
        Trail<E> trail = trails.computeIfAbsent(revisions.keyOf().apply(event), key -> new Trail<>());
        synchronized (trail) {
            S before = trail.latest == null ? null : revisions.stateOf().apply(trail.latest);
            S after = revisions.stateOf().apply(event);
            EventMetadata metadata = revisions.metadataOf().apply(event);
            List<String> changed = revisions.changedFields(before, after);
            trail.entries.add(new Entry(revisions.revisionOf().applyAsLong(event), metadata.getOccurredAt().toEpochMilli(),
                    actors.computeIfAbsent(metadata.getActor(), actor -> actor),
                    metadata.getActorName() == null ? null : actors.computeIfAbsent(metadata.getActorName(), name -> name),
                    changedLists.computeIfAbsent(changed, list -> List.copyOf(list)),
                    after == null, position.partition(), position.offset()));
            trail.latest = event;
        }
    }

    /** The latest event of a key, deleted or not; empty if the key never had one. */
    public Optional<E> latest(String key) {
        Trail<E> trail = trails.get(key);
        if (trail == null) {
            return Optional.empty();
        }
        synchronized (trail) {
            return Optional.ofNullable(trail.latest);
        }
    }

    /** The latest event of every key starting with {@code prefix}. */
    public List<E> latestUnder(String prefix) {
        List<E> latest = new ArrayList<>();
        trails.forEach((key, trail) -> {
            if (key.startsWith(prefix)) {
                synchronized (trail) {
                    if (trail.latest != null) {
                        latest.add(trail.latest);
                    }
                }
            }
        });
        return latest;
    }

    /** The revision of a key's latest event (a deletion counts); empty if the key never had one. */
    public OptionalLong lastRevision(String key) {
        return latest(key).map(e -> OptionalLong.of(revisions.revisionOf().applyAsLong(e))).orElse(OptionalLong.empty());
    }

    /** Whether a key has a revision with that number. */
    public boolean has(String key, long revision) {
        return position(key, revision).isPresent();
    }

    /** Every revision of a key, oldest first (empty if it never existed). */
    public List<RevisionSummary> summaries(String key) {
        return page(key, RevisionPaging.ALL).revisions();
    }

    /**
     * One page of a key's revisions, oldest first: the {@code limit} newest revisions before
     * {@code before} (all of them when there is no {@code before}), and where the next (older)
     * page starts, if there are older revisions.
     */
    public RevisionPage page(String key, RevisionPaging paging) {
        Trail<E> trail = trails.get(key);
        if (trail == null) {
            return new RevisionPage(List.of(), OptionalLong.empty());
        }
        synchronized (trail) {
            List<Entry> entries = trail.entries;
            int end = paging.before().isEmpty() ? entries.size() : indexBefore(entries, paging.before().getAsLong());
            int start = (int) Math.max(0, end - (long) paging.limit());
            List<RevisionSummary> page = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                page.add(entries.get(i).summary());
            }
            return new RevisionPage(page, start > 0 ? OptionalLong.of(entries.get(start).revision) : OptionalLong.empty());
        }
    }

    /** The event of one revision of a key: the latest from memory, an older one read back from the log. */
    public Optional<E> at(String key, long revision) {
        Optional<E> latest = latest(key).filter(e -> revisions.revisionOf().applyAsLong(e) == revision);
        if (latest.isPresent()) {
            return latest;
        }
        return position(key, revision).map(position -> checked(key, revision, readBack(List.of(position)).get(0)));
    }

    /**
     * The events of several revisions of a key, in the order asked, with one read of the log for
     * the older ones. Every revision must exist ({@link #has}).
     */
    public List<E> at(String key, List<Long> wanted) {
        Optional<E> latest = latest(key);
        long latestRevision = latest.map(e -> revisions.revisionOf().applyAsLong(e)).orElse(-1L);
        List<LogPosition> toRead = new ArrayList<>();
        for (long revision : wanted) {
            if (revision != latestRevision) {
                toRead.add(position(key, revision).orElseThrow(() -> new IllegalArgumentException(key + " has no revision " + revision)));
            }
        }
        List<E> read = readBack(toRead);
        List<E> events = new ArrayList<>(wanted.size());
        int next = 0;
        for (long revision : wanted) {
            events.add(revision == latestRevision ? latest.orElseThrow() : checked(key, revision, read.get(next++)));
        }
        return events;
    }

    /** Every event of one key, oldest first, read back from the log (one read for the whole history). */
    public List<E> events(String key) {
        List<Long> all = new ArrayList<>();
        Trail<E> trail = trails.get(key);
        if (trail != null) {
            synchronized (trail) {
                trail.entries.forEach(entry -> all.add(entry.revision));
            }
        }
        return at(key, all);
    }

    /** Every key that has at least one event, sorted. */
    public SortedSet<String> keys() {
        return new TreeSet<>(trails.keySet());
    }

    /** How many revisions are held in all (one summary each). */
    public long size() {
        long size = 0;
        for (Trail<E> trail : trails.values()) {
            synchronized (trail) {
                size += trail.entries.size();
            }
        }
        return size;
    }

    public Function<E, String> keyOf() {
        return revisions.keyOf();
    }

    private Optional<LogPosition> position(String key, long revision) {
        Trail<E> trail = trails.get(key);
        if (trail == null) {
            return Optional.empty();
        }
        synchronized (trail) {
            return find(trail.entries, revision).map(entry -> new LogPosition(entry.partition, entry.offset));
        }
    }

    /**
     * Reads events back from the log. When Kafka does not answer in time the request gets a 503
     * saying so (a read changes nothing, whatever happens).
     */
    private List<E> readBack(List<LogPosition> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        try {
            return readBack.apply(positions);
        } catch (LogUnavailableException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "an older revision is read back from the event log (Kafka), "
                    + "which did not answer in time; nothing was changed, try again shortly");
        }
    }

    /** A record read back must be the revision asked for: anything else means the topic is not the one replayed. */
    private E checked(String key, long revision, E event) {
        if (!revisions.keyOf().apply(event).equals(key) || revisions.revisionOf().applyAsLong(event) != revision) {
            throw new IllegalStateException("the log holds another record than revision " + revision + " of " + key
                    + " at its position: " + revisions.keyOf().apply(event) + " revision " + revisions.revisionOf().applyAsLong(event));
        }
        return event;
    }

    private static Optional<Entry> find(List<Entry> entries, long revision) {
        // Revisions are 1..k in log order, so revision n is normally at index n - 1.
        if (revision >= 1 && revision <= entries.size() && entries.get((int) (revision - 1)).revision == revision) {
            return Optional.of(entries.get((int) (revision - 1)));
        }
        return entries.stream().filter(entry -> entry.revision == revision).findFirst();
    }

    /** The index of the first entry whose revision is {@code before} or more (entries are in revision order). */
    private static int indexBefore(List<Entry> entries, long before) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (entries.get(middle).revision < before) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** One key's history: appended by the log's single writer, read by any request thread (under the trail's lock). */
    private static final class Trail<E> {
        private final List<Entry> entries = new ArrayList<>();
        private E latest;
    }

    /**
     * What memory keeps of one revision. The time is in milliseconds because that is what the log
     * carries (timestamp-millis): a replay gives back exactly the same summary.
     */
    private record Entry(long revision, long occurredAtMillis, String actor, String actorName, List<String> changed,
            boolean deleted, int partition, long offset) {

        RevisionSummary summary() {
            return new RevisionSummary(revision, Instant.ofEpochMilli(occurredAtMillis), actor,
                    RevisionSummary.nameOf(actor, actorName), changed, deleted);
        }
    }
}
