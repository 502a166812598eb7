package org.reportplatform.gateway.live;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.reportplatform.gateway.site.SiteChange;
import org.reportplatform.gateway.site.SiteView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The live notices of this gateway instance: every change of the {@link SiteView} after its
 * initial read, numbered {@code <instance>.1}, {@code <instance>.2}... and kept in a bounded ring
 * so that a client that lost its connection can resume where it was ({@code Last-Event-ID}).
 *
 * <p>The instance part is random per start: an id from another replica, or from before a
 * restart, cannot be mistaken for one of ours; such a resume, and one older than the ring, gets
 * a {@link Reset} instead of a silent gap.
 *
 * <p>A subscription sees, in order and each once: {@link Connected}, then the notices it missed
 * (from the ring), then every new notice. Registering a subscriber and publishing a notice hold
 * the same lock, so nothing falls between the replay and the live part. Publishing never waits
 * for a subscriber: one that falls {@code subscriberBuffer} notices behind has its stream closed
 * (its client reconnects and resumes from the ring).
 */
public final class LiveNotices implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveNotices.class);

    /** What a subscription emits. */
    public sealed interface Event permits Connected, Notice, Reset {
    }

    /** First of every subscription: the stream is open and registered. */
    public record Connected(String instance, String lastId) implements Event {
    }

    public record Notice(LiveNotice notice) implements Event {
    }

    /**
     * The client's {@code Last-Event-ID} cannot be resumed (older than the ring, another gateway
     * instance, unreadable): it must reload its state. Carries the current last id to go on from.
     */
    public record Reset(String lastId, String reason) implements Event {
    }

    private final String instance;
    private final int capacity;
    private final int maxSubscribers;
    private final int subscriberBuffer;
    private final Disposable subscription;
    private final Set<FluxSink<Event>> sinks = ConcurrentHashMap.newKeySet();

    // Guarded by this.
    private final ArrayDeque<LiveNotice> ring;
    private long lastSequence;
    private boolean stopped;

    private volatile boolean running;

    public LiveNotices(SiteView view, LiveProperties properties) {
        this.instance = newInstanceId();
        this.capacity = properties.ringSize();
        this.maxSubscribers = properties.maxSubscribers();
        this.subscriberBuffer = properties.subscriberBuffer();
        this.ring = new ArrayDeque<>(Math.min(capacity, 4096));
        // Subscribed at once: the view emits only after its initial read, which may end before this
        // bean's lifecycle starts.
        this.subscription = view.changes().subscribe(this::publish,
                error -> log.error("the site view's change stream failed; no more live notices", error));
    }

    /** This instance's id, the prefix of every event id it gives. */
    public String instance() {
        return instance;
    }

    /** The id of the newest notice, or {@code <instance>.0} before the first. */
    public synchronized String lastId() {
        return instance + "." + lastSequence;
    }

    /** The notices still in the ring, oldest first. */
    public synchronized List<LiveNotice> recent() {
        return List.copyOf(ring);
    }

    public int subscribers() {
        return sinks.size();
    }

    public boolean acceptsSubscribers() {
        return running && sinks.size() < maxSubscribers;
    }

    /**
     * A stream of what happens from now on, after the notices following {@code lastEventId}
     * (null or blank: none).
     */
    public Flux<Event> subscribe(String lastEventId) {
        Flux<Event> events = Flux.create(sink -> {
            synchronized (this) {
                if (stopped) {
                    sink.complete();
                    return;
                }
                sink.next(new Connected(instance, lastId()));
                replay(lastEventId, sink);
                sinks.add(sink);
            }
            sink.onDispose(() -> sinks.remove(sink));
        }, FluxSink.OverflowStrategy.BUFFER);
        return events
                .onBackpressureBuffer(subscriberBuffer, dropped -> { }, BufferOverflowStrategy.ERROR)
                .onErrorResume(Exceptions::isOverflow, e -> {
                    log.info("closed a live stream that fell more than {} notices behind; its client will resume", subscriberBuffer);
                    return Flux.empty();
                });
    }

    private synchronized void publish(SiteChange change) {
        LiveNotice notice = LiveNotice.of(instance + "." + (++lastSequence), change);
        ring.addLast(notice);
        if (ring.size() > capacity) {
            ring.removeFirst();
        }
        Notice event = new Notice(notice);
        for (FluxSink<Event> sink : sinks) {
            sink.next(event);
        }
    }

    /** Under the lock: what a resuming client missed, or a reset. */
    private void replay(String lastEventId, FluxSink<Event> sink) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return;
        }
        String id = lastEventId.strip();
        int dot = id.lastIndexOf('.');
        long sequence = -1;
        if (dot > 0 && id.substring(0, dot).equals(instance)) {
            try {
                sequence = Long.parseLong(id.substring(dot + 1));
            } catch (NumberFormatException e) {
                sequence = -1;
            }
        }
        if (sequence < 0) {
            sink.next(new Reset(lastId(), dot > 0 && !id.substring(0, dot).equals(instance)
                    ? "the event id is from another gateway instance (or from before a restart)"
                    : "the event id is not one this gateway gives"));
            return;
        }
        if (sequence > lastSequence) {
            sink.next(new Reset(lastId(), "the event id is newer than any this gateway gave"));
            return;
        }
        long oldestKept = lastSequence - ring.size() + 1;
        if (sequence < oldestKept - 1) {
            sink.next(new Reset(lastId(), (oldestKept - 1 - sequence) + " notices after " + id
                    + " are no longer kept (the ring holds the last " + capacity + ")"));
            return;
        }
        for (LiveNotice notice : ring) {
            if (sequenceOf(notice) > sequence) {
                sink.next(new Notice(notice));
            }
        }
    }

    private static long sequenceOf(LiveNotice notice) {
        return Long.parseLong(notice.id().substring(notice.id().lastIndexOf('.') + 1));
    }

    private static String newInstanceId() {
        // Start time and a random part, base 36: short, unique enough, never containing a dot.
        long random = new SecureRandom().nextLong() >>> 40;
        return Long.toString(System.currentTimeMillis(), 36) + Long.toString(random, 36);
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Before the web server's graceful shutdown (this phase stops first): ends every open stream,
     * which would otherwise hold the shutdown for its whole timeout.
     */
    @Override
    public void stop() {
        running = false;
        synchronized (this) {
            stopped = true;
        }
        sinks.forEach(FluxSink::complete);
        sinks.clear();
        subscription.dispose();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
