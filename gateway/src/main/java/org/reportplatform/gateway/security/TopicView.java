package org.reportplatform.gateway.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.reportplatform.platform.log.FollowerSettings;
import org.reportplatform.platform.log.FollowingLifecycle;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.platform.log.LogTail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.serializer.SerializationUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An in-memory view of one compacted-or-kept-forever topic (accounts, tokens, sessions, presence), followed from
 * the beginning on every replica (no consumer group, nothing committed), like the site view. A
 * record that cannot be read is logged and skipped; a tombstone reaches {@link #apply} with a null
 * value.
 *
 * <p>A request can wait (bounded, without blocking a thread) until the view has read up to a
 * given position ({@link #awaitPositions}) or up to the topic's current end
 * ({@link #awaitCurrentEnd}): what another replica, or this one, has just written.
 */
public abstract class TopicView<V> extends FollowingLifecycle<String, Object> {

    private static final Logger log = LoggerFactory.getLogger(TopicView.class);
    /** How often a waiting request looks at the view's position again. */
    private static final Duration RECHECK = Duration.ofMillis(10);

    private final LogFollower<String, Object> follower;
    private final String topic;
    private final Class<V> type;
    private final Admin admin;
    private volatile long skipped;

    @SuppressWarnings("unchecked")
    protected TopicView(ConsumerFactory<?, ?> consumers, String topic, Class<V> type, Admin admin, String clientId) {
        this.follower = new LogFollower<>((ConsumerFactory<String, Object>) consumers, List.of(topic),
                FollowerSettings.named(clientId).withPoll(Duration.ofMillis(100)).withRetryPause(Duration.ofSeconds(1)));
        this.topic = topic;
        this.type = type;
        this.admin = admin;
    }

    /** The record of {@code key} is now {@code value} (null: deleted). Runs on the follower's thread. */
    protected abstract void apply(String key, V value);

    @Override
    protected LogTail<String, Object> follow() {
        return follower.follow(this::handle, read -> log.info("{} read in {} ms: {} records, {} skipped",
                topic, read.millis(), read.records(), skipped));
    }

    /** Blocks until the initial read reached the end seen at start (for readiness); false if stopped first. */
    public boolean awaitCaughtUp() {
        LogTail<String, Object> tail = tail();
        while (tail != null) {
            try {
                tail.caughtUp().get(10, TimeUnit.SECONDS);
                return true;
            } catch (TimeoutException e) {
                log.info("still reading {}; records left per partition: {}", topic, tail.behind());
            } catch (ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** True once the view has read every record before these offsets, false if {@code timeout} passed first. */
    public Mono<Boolean> awaitPositions(Map<TopicPartition, Long> offsets, Duration timeout) {
        if (reached(offsets)) {
            return Mono.just(true);
        }
        return Flux.interval(RECHECK)
                .filter(tick -> reached(offsets))
                .next()
                .map(tick -> true)
                .timeout(timeout, Mono.just(false));
    }

    /** True once the view has read the record Kafka acknowledged at {@code written}, false if {@code timeout} passed first. */
    public Mono<Boolean> awaitRecord(RecordMetadata written, Duration timeout) {
        return awaitPositions(Map.of(new TopicPartition(written.topic(), written.partition()), written.offset() + 1), timeout);
    }

    /** True once the view has read up to the topic's end as of now, false if {@code timeout} passed first (or Kafka did not answer). */
    Mono<Boolean> awaitCurrentEnd(Duration timeout) {
        long started = System.nanoTime();
        TopicPartition partition = new TopicPartition(topic, 0);
        // Read committed: the end a read_committed follower can reach (a writer's open transaction is not "written" yet).
        return Mono.fromCompletionStage(admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().toCompletionStage())
                .timeout(timeout)
                .flatMap(ends -> {
                    Map<TopicPartition, Long> end = new HashMap<>();
                    ends.forEach((p, info) -> end.put(p, info.offset()));
                    Duration left = timeout.minusNanos(System.nanoTime() - started);
                    return left.isNegative() ? Mono.just(reached(end)) : awaitPositions(end, left);
                })
                .onErrorResume(e -> {
                    log.debug("could not read the end of {}", topic, e);
                    return Mono.just(false);
                });
    }

    private boolean reached(Map<TopicPartition, Long> offsets) {
        LogTail<String, Object> tail = tail();
        if (tail == null) {
            return false;
        }
        Map<TopicPartition, Long> positions = tail.positions();
        return offsets.entrySet().stream().allMatch(e -> e.getValue() <= 0
                || positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private void handle(ConsumerRecord<String, Object> record) {
        boolean unreadable = record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null
                || record.headers().lastHeader(SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER) != null;
        if (unreadable || record.key() == null || (record.value() != null && !type.isInstance(record.value()))) {
            skipped++;
            log.error("skipped an unreadable record at {}-{}@{} (key {})", record.topic(), record.partition(),
                    record.offset(), record.key());
            return;
        }
        try {
            apply(record.key(), type.cast(record.value()));
        } catch (RuntimeException e) {
            skipped++;
            log.error("skipped a record at {}-{}@{} (key {}) that could not be applied: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), e.toString());
        }
    }
}
