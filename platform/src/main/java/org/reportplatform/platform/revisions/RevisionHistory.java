package org.reportplatform.platform.revisions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event of every key of a source topic, in log order: the current state of a resource is
 * its latest event, its history all of them. Fed only with committed events (by a
 * {@code RevisionLog}); safe to read while it is fed.
 */
public class RevisionHistory<E extends SpecificRecord> {

    private final Function<E, String> keyOf;
    private final Map<String, List<E>> eventsByKey = new ConcurrentHashMap<>();

    public RevisionHistory(Function<E, String> keyOf) {
        this.keyOf = keyOf;
    }

    public void apply(E event) {
        eventsByKey.computeIfAbsent(keyOf.apply(event), key -> new CopyOnWriteArrayList<>()).add(event);
    }

    public Optional<E> latest(String key) {
        List<E> events = eventsByKey.get(key);
        return events == null || events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /** The latest event of every key starting with {@code prefix}. */
    public List<E> latestUnder(String prefix) {
        return eventsByKey.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> e.getValue().get(e.getValue().size() - 1))
                .toList();
    }

    public List<E> history(String key) {
        return List.copyOf(eventsByKey.getOrDefault(key, List.of()));
    }

    public Function<E, String> keyOf() {
        return keyOf;
    }
}
