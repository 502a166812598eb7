package org.reportplatform.platform.leadership;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Which instance of a writer service writes: the one Kafka's group coordinator assigns the single
 * partition of {@link Topics#WRITER_LEADERSHIP} to, in the consumer group {@code <transactional id
 * prefix>writer} (e.g. {@code content-service-writer}). The others are standbys: their
 * {@link RevisionLog}s keep following their topics and refuse writes.
 *
 * <p>Elected, an instance takes over every log of the service ({@link RevisionLog#takeOver}): it
 * opens the transactional producer under the service's one transactional id, which fences the
 * previous writer even if that process still runs (its next commit fails, its open transaction is
 * aborted), reads every log to its end, then takes writes. The group decides who may write; the
 * fencing makes sure no one else can, whatever the group believes for a moment. So revisions
 * never fork and nothing acknowledged is lost.
 *
 * <p>A member that stops cleanly leaves the group and the standby is elected at once; one that
 * dies is noticed after the session timeout ({@link LeadershipProperties#sessionTimeout}). The
 * cooperative sticky assignor keeps the partition where it is when an instance joins: a new
 * standby never takes the writes away from a running writer.
 */
public final class WriterLeadership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WriterLeadership.class);
    private static final String TRANSACTION_ID_PREFIX = "spring.kafka.producer.transaction-id-prefix";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(60);

    /** What an instance is now. */
    public enum Role {
        ACTIVE, STANDBY
    }

    private final ConsumerFactory<String, Object> consumers;
    private final List<RevisionLog<?>> logs;
    private final LeadershipProperties properties;
    private final String group;
    /** The group's first answer since the last start (a context may be stopped and started again, e.g. a paused test context). */
    private volatile CompletableFuture<Role> firstDecision = new CompletableFuture<>();

    private volatile Role role = Role.STANDBY;
    private volatile long lastTakeOverMillis = -1;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Consumer<String, Object> consumer;

    public WriterLeadership(ConsumerFactory<String, Object> consumers, List<RevisionLog<?>> logs, LeadershipProperties properties,
            String transactionIdPrefix) {
        this.consumers = consumers;
        this.logs = List.copyOf(logs);
        this.properties = properties;
        this.group = transactionIdPrefix + "writer";
    }

    /** Whether a service's writers are elected: it writes in transactions and leadership is not turned off. */
    public static boolean elects(Environment environment) {
        return environment.containsProperty(TRANSACTION_ID_PREFIX)
                && environment.getProperty("report.leadership.enabled", Boolean.class, true);
    }

    public static String transactionIdPrefix(Environment environment) {
        return environment.getRequiredProperty(TRANSACTION_ID_PREFIX);
    }

    public Role role() {
        return role;
    }

    public String group() {
        return group;
    }

    /** How long the last take-over took (fencing and catching up every log), in ms; -1 before the first. */
    public long lastTakeOverMillis() {
        return lastTakeOverMillis;
    }

    /** Joins the group and waits (a bounded time) for its first answer, so a lone instance opens its web server as the writer. */
    @Override
    public void start() {
        firstDecision = new CompletableFuture<>();
        running = true;
        Thread elector = new Thread(this::run, group + "-leadership");
        elector.setDaemon(true);
        thread = elector;
        elector.start();
        long started = System.nanoTime();
        try {
            Role first = firstDecision.get(properties.firstDecisionWait().toMillis(), TimeUnit.MILLISECONDS);
            log.info("{} in group {} after {} ms", first == Role.ACTIVE ? "the active writer" : "a standby", group,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (TimeoutException e) {
            log.warn("group {} did not answer within {}: a standby until it does", group, properties.firstDecisionWait());
        } catch (ExecutionException e) {
            log.warn("group {} could not decide yet: a standby until it does", group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops writing first, then leaves the group: the standby is elected at once, and finds nothing in flight from here. */
    @Override
    public void stop() {
        running = false;
        logs.forEach(RevisionLog::retire);
        role = Role.STANDBY;
        Consumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread elector = thread;
        if (elector != null) {
            // Not interrupted: an interrupted consumer would not leave the group cleanly.
            try {
                elector.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the logs replayed (phase 0), before the schedulers and the web server; stopped before the logs. */
    @Override
    public int getPhase() {
        return 10;
    }

    private void run() {
        while (running) {
            try {
                electUntilStopped();
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (RuntimeException e) {
                log.warn("the leadership of group {} failed, rejoining in {} ms: {}", group, PAUSE_AFTER_FAILURE.toMillis(), e.toString());
                standBy();
                if (!firstDecision.isDone()) {
                    firstDecision.complete(Role.STANDBY);
                }
                pause();
            }
        }
    }

    private void electUntilStopped() {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) properties.sessionTimeout().toMillis());
        settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) properties.heartbeatInterval().toMillis());
        // Sticky: a member joining never moves the partition away from the writer; cooperative: the
        // writer is not asked to give it up (and take it back) at each rebalance.
        settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Also how long a rebalance waits for members to rejoin: bounded well below the default 5
        // minutes; a take-over (run inside poll) only catches up with what it had not followed yet.
        settings.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) MAX_POLL_INTERVAL.toMillis());
        Consumer<String, Object> kafka = consumers.createConsumer(group, group, "-leadership", settings);
        consumer = kafka;
        try {
            if (!running) {
                return;
            }
            kafka.subscribe(List.of(Topics.WRITER_LEADERSHIP.name()), new Elections());
            while (running) {
                // No record is ever written there: poll only keeps the membership and runs the elections.
                kafka.poll(POLL);
            }
        } finally {
            consumer = null;
            // Leaves the group (the revocation callback retires the logs first): the standby is elected at once.
            kafka.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** Runs on the elector's thread, inside poll and close. */
    private final class Elections implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (!assigned.isEmpty()) {
                takeOver();
            }
            firstDecision.complete(role);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            if (!revoked.isEmpty()) {
                standBy();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            standBy();
        }
    }

    /**
     * Takes over every log of the service in three steps. The producers are opened one log after
     * the other (the first fences the previous writer; the logs share it, and two logs opening it
     * at once would only wait for each other). The logs are then read to their end all at once,
     * each on a thread of its own: each read waits on Kafka much more than it computes. Writes are
     * accepted only when every log has caught up, so no write competes with the take-over for the
     * producer and a write spanning two logs never finds one of them behind. On a loaded machine
     * the six logs of content-service took 8.3 s one after the other (LosingAnyOneProcessTest).
     */
    private void takeOver() {
        long started = System.nanoTime();
        try {
            logs.forEach(RevisionLog::prepareTakeOver);
            catchUpAll();
            logs.forEach(RevisionLog::acceptWrites);
        } catch (RuntimeException e) {
            // Leaves the group (run() closes the consumer): another instance, or this one later, tries again.
            standBy();
            throw e;
        }
        if (!running) {
            logs.forEach(RevisionLog::retire);
            return;
        }
        role = Role.ACTIVE;
        lastTakeOverMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("the active writer of group {}: fenced the previous one and caught up with {} logs in {} ms", group, logs.size(),
                lastTakeOverMillis);
    }

    private void catchUpAll() {
        if (logs.isEmpty()) {
            return;
        }
        ExecutorService readers = Executors.newFixedThreadPool(logs.size(), runnable -> {
            Thread thread = new Thread(runnable, group + "-catch-up");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture.allOf(logs.stream().map(revisionLog -> CompletableFuture.runAsync(revisionLog::catchUp, readers))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            readers.shutdownNow();
        }
    }

    /** Refuses writes at once; follows the logs again unless the service is stopping. */
    private void standBy() {
        boolean wasActive = role == Role.ACTIVE;
        role = Role.STANDBY;
        for (RevisionLog<?> revisionLog : logs) {
            if (running) {
                revisionLog.standBy();
            } else {
                revisionLog.retire();
            }
        }
        if (wasActive) {
            log.info("no longer the active writer of group {}: a standby", group);
        }
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
