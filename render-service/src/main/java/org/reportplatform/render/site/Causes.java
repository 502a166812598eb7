package org.reportplatform.render.site;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.reportplatform.render.sources.EventInfo;

/**
 * The change events that made an output be rebuilt, oldest first, each once (by event id).
 * An output names them in {@code causes}, carries the latest one's trace context and the
 * earliest one's time ({@code sourceChangedAt}).
 */
public record Causes(List<EventInfo> events) {

    private static final Comparator<EventInfo> ORDER = Comparator.comparing(EventInfo::occurredAt).thenComparing(EventInfo::eventId);
    private static final Causes NONE = new Causes(List.of());

    public Causes {
        Map<String, EventInfo> byId = new LinkedHashMap<>();
        events.stream().sorted(ORDER).forEach(e -> byId.putIfAbsent(e.eventId(), e));
        events = List.copyOf(byId.values());
    }

    public static Causes none() {
        return NONE;
    }

    public static Causes of(EventInfo event) {
        return new Causes(List.of(event));
    }

    public static Causes of(Collection<EventInfo> events) {
        return new Causes(List.copyOf(events));
    }

    public Causes merge(Causes other) {
        if (other.events.isEmpty()) {
            return this;
        }
        if (events.isEmpty()) {
            return other;
        }
        return new Causes(Stream.concat(events.stream(), other.events.stream()).toList());
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public List<String> eventIds() {
        return events.stream().map(EventInfo::eventId).toList();
    }

    /** When the earliest causing change was accepted. */
    public Optional<Instant> earliest() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(0).occurredAt());
    }

    /** The trace context of the latest causing change. */
    public Optional<String> latestTraceparent() {
        return events.isEmpty() ? Optional.empty() : Optional.ofNullable(events.get(events.size() - 1).traceparent());
    }
}
