package org.reportplatform.platform.log;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;

/**
 * A {@link LogFollower} following its topics on a thread of its own: from the beginning to the
 * end offsets seen at start ({@link #caughtUp()} completes then), and on as new records arrive.
 *
 * <p>If the consumer fails (Kafka unreachable, a topic not created yet), it is closed and a new
 * one resumes after a pause where the last one was (never from the beginning, so a view never
 * goes back in time), until {@link #stop()}. The handler should not throw: if it does, the record
 * is handed over again after the pause.
 */
public final class LogTail<K, V> {

    private static final Logger log = LoggerFactory.getLogger(LogTail.class);

    private final LogFollower<K, V> follower;
    private final FollowerSettings settings;
    private final Consumer<ConsumerRecord<K, V>> handler;
    private final Consumer<LogRead> onCaughtUp;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();

    // Owned by the follower's thread.
    private final Map<TopicPartition, Long> resumeAt = new HashMap<>();
    private Map<TopicPartition, Long> endOffsetsAtStart;
    private long startedNanos;
    private long handled;

    private volatile Map<TopicPartition, Long> behind = Map.of();
    private volatile Map<TopicPartition, Long> positions = Map.of();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile org.apache.kafka.clients.consumer.Consumer<K, V> consumer;

    LogTail(LogFollower<K, V> follower, Consumer<ConsumerRecord<K, V>> handler, Consumer<LogRead> onCaughtUp) {
        this.follower = follower;
        this.settings = follower.settings();
        this.handler = handler;
        this.onCaughtUp = onCaughtUp;
    }

    synchronized void start(Map<TopicPartition, Long> from) {
        resumeAt.putAll(from);
        running = true;
        startedNanos = System.nanoTime();
        Thread reader = new Thread(this::run, settings.clientId());
        reader.setDaemon(true);
        thread = reader;
        reader.start();
    }

    /** Completes once the end offsets seen at start are reached; exceptionally if stopped before. */
    public CompletableFuture<Void> caughtUp() {
        return caughtUp;
    }

    /** Records left per partition up to the end offsets seen at start, as of the last look; empty once caught up. */
    public Map<TopicPartition, Long> behind() {
        return behind;
    }

    /**
     * The consumer's position in each partition (the offset of the next record it will read), as
     * of its last poll; empty before the first. Compared with the end offsets, this is the lag.
     * Past transaction markers: after a transaction the position is beyond its commit marker,
     * which is not a record but which the end offset counts.
     */
    public Map<TopicPartition, Long> positions() {
        return positions;
    }

    /** Stops following: wakes the consumer up and waits (a bounded time) for the thread to end. */
    public synchronized void stop() {
        running = false;
        org.apache.kafka.clients.consumer.Consumer<K, V> current = consumer;
        Thread reader = thread;
        if (current != null) {
            current.wakeup();
        } else if (reader != null) {
            // No consumer: the thread pauses before reconnecting; cut that short. (An interrupted
            // consumer would fail to close cleanly: it is woken up instead.)
            reader.interrupt();
        }
        if (reader != null) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        caughtUp.completeExceptionally(new IllegalStateException("the follower of " + follower.topics() + " stopped"));
    }

    private void run() {
        try {
            Retrying.until(null, Retrying.Pauses.fixed(settings.retryPause()), () -> running,
                    (failure, pause) -> {
                        log.warn("reading {} failed, retrying in {} ms: {}", follower.topics(), pause.toMillis(), failure.toString());
                        log.debug("reading {} failed", follower.topics(), failure);
                    },
                    () -> {
                        followUntilStopped();
                        return null;
                    });
        } catch (RetryException e) {
            // Stopped: woken up or interrupted.
        }
    }

    private void followUntilStopped() {
        try (org.apache.kafka.clients.consumer.Consumer<K, V> kafka = follower.open()) {
            consumer = kafka;
            if (!running) {
                return;
            }
            List<TopicPartition> partitions = follower.partitions(kafka, true);
            kafka.assign(partitions);
            for (TopicPartition partition : partitions) {
                Long position = resumeAt.get(partition);
                if (position == null) {
                    kafka.seekToBeginning(List.of(partition));
                } else {
                    kafka.seek(partition, position);
                }
            }
            if (endOffsetsAtStart == null) {
                endOffsetsAtStart = Map.copyOf(kafka.endOffsets(partitions, settings.kafkaTimeout()));
                log.info("reading {} from the beginning up to {}", follower.topics(), endOffsetsAtStart);
            }
            while (running) {
                if (!caughtUp.isDone()) {
                    checkCaughtUp(kafka);
                }
                for (ConsumerRecord<K, V> record : kafka.poll(settings.poll())) {
                    handler.accept(record);
                    handled++;
                    resumeAt.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
                snapshotPositions(kafka, partitions);
            }
        } finally {
            consumer = null;
        }
    }

    private void checkCaughtUp(org.apache.kafka.clients.consumer.Consumer<K, V> kafka) {
        Map<TopicPartition, Long> left = new HashMap<>();
        endOffsetsAtStart.forEach((partition, end) -> {
            long position = kafka.position(partition, settings.kafkaTimeout());
            if (position < end) {
                left.put(partition, end - position);
            }
        });
        behind = Map.copyOf(left);
        if (left.isEmpty()) {
            onCaughtUp.accept(LogRead.since(startedNanos, handled));
            caughtUp.complete(null);
        }
    }

    private void snapshotPositions(org.apache.kafka.clients.consumer.Consumer<K, V> kafka, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> now = new HashMap<>();
        for (TopicPartition partition : partitions) {
            now.put(partition, kafka.position(partition, settings.kafkaTimeout()));
        }
        positions = Map.copyOf(now);
    }
}
