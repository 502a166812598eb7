package org.reportplatform.platform.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The pending publications of one kind (chapter drafts, indicator values) of a writer, by key,
 * and the one thread that fires them when the {@link PublicationClock} reaches their time.
 *
 * <p>The schedules themselves are in the log: the writer's book is replayed at start and calls
 * {@link #plan}/{@link #cancel} as it applies events, so this is only an index of what is due.
 * Firing calls the writer's {@code fire(key)}, which re-reads the schedule under its log's write
 * lock and publishes it and closes it in one Kafka transaction; a key whose schedule is gone or
 * was changed to a later time is simply not published. That is what makes a publication happen
 * exactly once: the close is in the same transaction as the publication, so after any restart
 * the replayed log says either "pending" (fire it) or "closed" (nothing to do). If the write
 * fails (Kafka down), the key stays due and is tried again at the next tick.
 *
 * <p>Starts after the logs replayed (a later lifecycle phase), so a publication whose time
 * passed while the service was stopped goes out at start.
 */
public final class DueSchedules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DueSchedules.class);

    private final String kind;
    private final PublicationClock clock;
    private final Duration tick;
    private final Consumer<String> fire;
    private final Map<String, Instant> due = new ConcurrentHashMap<>();
    private final Counter fired;
    private final Counter failed;
    private volatile Instant checkedUntil = Instant.EPOCH;
    private ScheduledExecutorService ticker;

    /**
     * @param kind what is scheduled, for the metrics' tag and the thread's name: {@code chapter}, {@code indicator}
     * @param fire publishes the key's schedule if it is still due (called on the scheduler's thread)
     */
    public DueSchedules(String kind, PublicationClock clock, Duration tick, Consumer<String> fire, MeterRegistry meters) {
        this.kind = kind;
        this.clock = clock;
        this.tick = tick;
        this.fire = fire;
        this.fired = Counter.builder("report.scheduling.fired").tag("kind", kind)
                .description("Scheduled publications published by their schedule").register(meters);
        this.failed = Counter.builder("report.scheduling.failures").tag("kind", kind)
                .description("Attempts to publish a due schedule that failed (tried again at the next tick)").register(meters);
        Gauge.builder("report.scheduling.pending", due, Map::size).tag("kind", kind)
                .description("Publications scheduled and not yet due").register(meters);
        Gauge.builder("report.scheduling.checked.until", this, s -> s.checkedUntil.toEpochMilli() / 1000.0).tag("kind", kind)
                .description("The clock's time (epoch seconds) at the scheduler's last look: everything due by then was fired")
                .register(meters);
    }

    /** The key is to be published at {@code at} (replacing its previous time, if any). */
    public void plan(String key, Instant at) {
        due.put(key, at);
    }

    /**
     * What a book calls for each event it applies: the key is to be published at {@code at}, or,
     * when {@code at} is null (no schedule, or closed), has nothing scheduled any more.
     */
    public void track(String key, Instant at) {
        if (at == null) {
            cancel(key);
        } else {
            plan(key, at);
        }
    }

    /** The key has nothing scheduled any more (published, cancelled, closed). */
    public void cancel(String key) {
        due.remove(key);
    }

    /** The clock's time at the last look, once everything due by then was fired (or failed and left due). */
    public Instant checkedUntil() {
        return checkedUntil;
    }

    public PublicationClock clock() {
        return clock;
    }

    /** One look: fires every key due by now, earliest first. */
    void check() {
        Instant now = clock.now();
        List<String> dueNow = due.entrySet().stream().filter(e -> !e.getValue().isAfter(now))
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        for (String key : dueNow) {
            try {
                fire.accept(key);
                fired.increment();
            } catch (RuntimeException e) {
                failed.increment();
                log.warn("publishing the scheduled {} {} failed; trying again in {} ms: {}", kind, key, tick.toMillis(), e.toString());
            }
        }
        checkedUntil = now;
    }

    @Override
    public void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scheduled-" + kind + "-publications");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.error("the {} scheduler could not read its clock: {}", kind, e.toString());
            }
        }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (ticker != null) {
            ticker.shutdown();
            try {
                ticker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    /** After the logs (phase 0) replayed the schedules; stopped before them. */
    @Override
    public int getPhase() {
        return 100;
    }
}
