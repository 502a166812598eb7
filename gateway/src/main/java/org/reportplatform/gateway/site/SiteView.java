package org.reportplatform.gateway.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.schemas.RenderedOutput;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The report as this gateway replica serves it: path -> the output last published for it, one
 * map per rendered topic, rebuilt from those compacted topics at every start. Written by one
 * thread (the {@link SiteViewReader}), read by any number of request threads without locks.
 */
public class SiteView {

    /** An edition's index page: {@code /2024/}. */
    private static final Pattern EDITION_INDEX = Pattern.compile("/(\\d{1,18})/");

    /** Lookup order: pages first, then documents. */
    private final List<String> topics;
    private final Map<String, Map<String, SiteEntry>> byTopic = new ConcurrentHashMap<>();
    /** Edition number -> edition as written in its index path, for every index page present. */
    private final ConcurrentSkipListMap<Long, String> editions = new ConcurrentSkipListMap<>();
    private final Sinks.Many<SiteChange> changes = Sinks.many().multicast().directBestEffort();
    private final List<Listener> listeners;
    private volatile boolean caughtUp;

    /**
     * What else follows the rendered topics through this view (the search index): told of every
     * change on the reader's thread, in log order, initial read included, so that it needs no
     * consumer of its own. Told after the change is served and announced on the live stream, so
     * that its work never delays a page going live.
     */
    public interface Listener {
        /** The output at {@code entry.path()} is now {@code entry}. */
        void updated(SiteEntry entry);

        /** The output at {@code path} of {@code topic} was deleted (a tombstone). */
        void removed(String topic, String path);

        /** The initial read is done; called before the view reports itself caught up (readiness waits for it). */
        void caughtUp();
    }

    /** @param topics the topics this view holds, in lookup order (a path present in two is served from the first) */
    public SiteView(List<String> topics) {
        this(topics, List.of());
    }

    public SiteView(List<String> topics, List<Listener> listeners) {
        this.topics = List.copyOf(topics);
        this.topics.forEach(topic -> byTopic.put(topic, new ConcurrentHashMap<>()));
        this.listeners = List.copyOf(listeners);
    }

    /** Applies one record of a rendered topic: a value replaces the path's output, a tombstone (null) removes it. */
    public void apply(String topic, String path, RenderedOutput value) {
        Map<String, SiteEntry> entries = entries(topic);
        if (value == null) {
            if (entries.remove(path) != null) {
                indexRemoved(path);
                emit(SiteChange.removed(topic, path, Instant.now()));
                listeners.forEach(listener -> listener.removed(topic, path));
            }
            return;
        }
        SiteEntry entry = SiteEntry.of(topic, path, value);
        entries.put(path, entry);
        indexAdded(path);
        emit(SiteChange.updated(entry, Instant.now()));
        listeners.forEach(listener -> listener.updated(entry));
    }

    public Optional<SiteEntry> get(String path) {
        for (String topic : topics) {
            SiteEntry entry = byTopic.get(topic).get(path);
            if (entry != null) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The edition with the highest number among the index pages {@code /{edition}/} present. */
    public Optional<String> newestEdition() {
        var newest = editions.lastEntry();
        return newest == null ? Optional.empty() : Optional.of(newest.getValue());
    }

    /** Outputs held, over all topics. */
    public int size() {
        return byTopic.values().stream().mapToInt(Map::size).sum();
    }

    public int size(String topic) {
        return entries(topic).size();
    }

    /** True once the initial read reached the end offsets seen at start. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** The initial read is done (its reader says so; tests that fill a view by hand too). */
    public void markCaughtUp() {
        listeners.forEach(Listener::caughtUp);
        caughtUp = true;
    }

    /**
     * Changes applied after the initial read, as they happen (the initial read itself is not
     * replayed). Hot and best effort: a subscriber that cannot keep up misses changes, it never
     * slows the view down.
     */
    public Flux<SiteChange> changes() {
        return changes.asFlux();
    }

    private Map<String, SiteEntry> entries(String topic) {
        Map<String, SiteEntry> entries = byTopic.get(topic);
        if (entries == null) {
            throw new IllegalArgumentException("this view does not hold topic " + topic);
        }
        return entries;
    }

    private void indexAdded(String path) {
        Matcher index = EDITION_INDEX.matcher(path);
        if (index.matches()) {
            editions.put(Long.parseLong(index.group(1)), index.group(1));
        }
    }

    private void indexRemoved(String path) {
        Matcher index = EDITION_INDEX.matcher(path);
        if (index.matches() && get(path).isEmpty()) {
            editions.remove(Long.parseLong(index.group(1)), index.group(1));
        }
    }

    private void emit(SiteChange change) {
        if (caughtUp) {
            // One writer thread: no concurrent emission; FAIL_ZERO_SUBSCRIBER and dropped items are fine.
            changes.tryEmitNext(change);
        }
    }
}
