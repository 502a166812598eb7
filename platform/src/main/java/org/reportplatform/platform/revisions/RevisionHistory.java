package org.reportplatform.platform.revisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event of every key of a source topic, in log order: the current state of a resource is
 * its latest event, its history all of them. Fed only with committed events (by a
 * {@code RevisionLog}); safe to read while it is fed.
 *
 * <p>Appending is O(1) whatever the length of a key's history (a replay of 100,000 revisions of
 * one chapter stays linear); reads of a whole history copy it.
 */
public class RevisionHistory<E extends SpecificRecord> {

    private final Function<E, String> keyOf;
    private final Map<String, Trail<E>> eventsByKey = new ConcurrentHashMap<>();

    public RevisionHistory(Function<E, String> keyOf) {
        this.keyOf = keyOf;
    }

    public void apply(E event) {
        eventsByKey.computeIfAbsent(keyOf.apply(event), key -> new Trail<>()).append(event);
    }

    public Optional<E> latest(String key) {
        Trail<E> events = eventsByKey.get(key);
        return events == null ? Optional.empty() : Optional.ofNullable(events.last());
    }

    /** The latest event of every key starting with {@code prefix}. */
    public List<E> latestUnder(String prefix) {
        List<E> latest = new ArrayList<>();
        eventsByKey.forEach((key, events) -> {
            if (key.startsWith(prefix)) {
                E last = events.last();
                if (last != null) {
                    latest.add(last);
                }
            }
        });
        return latest;
    }

    /** Every event of one key, oldest first (a copy). */
    public List<E> history(String key) {
        Trail<E> events = eventsByKey.get(key);
        return events == null ? List.of() : events.copy();
    }

    /** Every key that has at least one event, sorted. */
    public SortedSet<String> keys() {
        return new TreeSet<>(eventsByKey.keySet());
    }

    public Function<E, String> keyOf() {
        return keyOf;
    }

    /** One key's events: appended by the log's single writer, read by any request thread. */
    private static final class Trail<E> {
        private final List<E> events = new ArrayList<>();

        synchronized void append(E event) {
            events.add(event);
        }

        synchronized E last() {
            return events.isEmpty() ? null : events.get(events.size() - 1);
        }

        synchronized List<E> copy() {
            return List.copyOf(events);
        }
    }
}
