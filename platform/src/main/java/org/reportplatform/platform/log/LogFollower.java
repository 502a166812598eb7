package org.reportplatform.platform.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads topics of the log with a consumer of its own: partitions assigned, no consumer group,
 * nothing committed, committed records only (read_committed: an aborted write never shows up).
 * This is how every view is rebuilt from the log without relying on any committed offset.
 *
 * <p>A bounded read ({@link #readToEnd}, {@link #readLast}, {@link #readAt}) stops at the end
 * offsets it saw when it began (the last stable offset), on the caller's thread. {@link #follow}
 * reads from the beginning and keeps following on a thread of its own ({@link LogTail}).
 *
 * <p>Records reach the handler in offset order per partition. A record the deserializer could
 * not read arrives with a null value (the platform's {@code ErrorHandlingDeserializer}): what to
 * do with it is the handler's business.
 */
public class LogFollower<K, V> {

    private static final AtomicLong CONSUMERS = new AtomicLong();

    private final ConsumerFactory<K, V> consumers;
    private final List<String> topics;
    private final FollowerSettings settings;

    public LogFollower(ConsumerFactory<K, V> consumers, Collection<String> topics, FollowerSettings settings) {
        this.consumers = consumers;
        this.topics = List.copyOf(topics);
        this.settings = settings;
    }

    public List<String> topics() {
        return topics;
    }

    FollowerSettings settings() {
        return settings;
    }

    /**
     * Hands every record of the topics to {@code handler}, from the beginning to the end offsets
     * seen now. Throws if a topic does not exist, if Kafka does not answer, or (a Kafka
     * {@link TimeoutException}) if the read takes longer than the settings' read timeout.
     */
    public LogRead readToEnd(Consumer<ConsumerRecord<K, V>> handler) {
        return read(true, (partition, begin, end) -> begin, handler);
    }

    /**
     * Every record after the given positions (per partition, the offset to read next; from the
     * beginning where none is given) up to the end offsets seen now.
     */
    public LogRead readFrom(Map<TopicPartition, Long> next, Consumer<ConsumerRecord<K, V>> handler) {
        return read(true, (partition, begin, end) -> Math.max(begin, next.getOrDefault(partition, begin)), handler);
    }

    /** The last {@code perPartition} records of each partition (fewer where it holds fewer); topics that do not exist are left out. */
    public LogRead readLast(int perPartition, Consumer<ConsumerRecord<K, V>> handler) {
        return read(false, (partition, begin, end) -> Math.max(begin, end - perPartition), handler);
    }

    /** The record at that position, if the topic still holds it (and it is a committed record, not a transaction marker). */
    public Optional<ConsumerRecord<K, V>> readAt(int partition, long offset) {
        List<ConsumerRecord<K, V>> found = new ArrayList<>(1);
        TopicPartition wanted = new TopicPartition(topics.get(0), partition);
        read(false, new Start() {
            @Override
            public long from(TopicPartition at, long begin, long end) {
                return at.equals(wanted) && offset >= begin && offset < end ? offset : end;
            }

            @Override
            public long until(TopicPartition at, long end) {
                return Math.min(end, offset + 1);
            }
        }, record -> {
            if (record.offset() == offset) {
                found.add(record);
            }
        });
        return found.stream().findFirst();
    }

    /**
     * Reads the topics from the beginning on a thread of its own (named after the client id),
     * then keeps following them. {@code onCaughtUp} runs on that thread once the end offsets seen
     * at start are reached, before any later record is handed over.
     */
    public LogTail<K, V> follow(Consumer<ConsumerRecord<K, V>> handler, Consumer<LogRead> onCaughtUp) {
        return followFrom(Map.of(), handler, onCaughtUp);
    }

    /** Like {@link #follow}, but from the given offsets where there is one (a view that already read that far). */
    public LogTail<K, V> followFrom(Map<TopicPartition, Long> from, Consumer<ConsumerRecord<K, V>> handler,
            Consumer<LogRead> onCaughtUp) {
        LogTail<K, V> tail = new LogTail<>(this, handler, onCaughtUp);
        tail.start(from);
        return tail;
    }

    /** Where a bounded read starts in each partition, and where it stops. */
    private interface Start {
        long from(TopicPartition partition, long begin, long end);

        default long until(TopicPartition partition, long end) {
            return end;
        }
    }

    private LogRead read(boolean topicsMustExist, Start start, Consumer<ConsumerRecord<K, V>> handler) {
        long started = System.nanoTime();
        try (org.apache.kafka.clients.consumer.Consumer<K, V> consumer = open()) {
            List<TopicPartition> partitions = partitions(consumer, topicsMustExist);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, settings.kafkaTimeout());
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, settings.kafkaTimeout());
            Map<TopicPartition, Long> from = new HashMap<>();
            Map<TopicPartition, Long> left = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long first = start.from(partition, begin.get(partition), end.get(partition));
                long until = start.until(partition, end.get(partition));
                if (first < until) {
                    from.put(partition, first);
                    left.put(partition, until);
                }
            }
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = settings.readTimeout() == null ? Long.MAX_VALUE : started + settings.readTimeout().toNanos();
            long count = 0;
            while (true) {
                left.entrySet().removeIf(e -> consumer.position(e.getKey(), settings.kafkaTimeout()) >= e.getValue());
                if (left.isEmpty()) {
                    return LogRead.since(started, count);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException("reading " + topics + " to their end took longer than " + settings.readTimeout());
                }
                for (ConsumerRecord<K, V> record : consumer.poll(settings.poll())) {
                    handler.accept(record);
                    count++;
                }
            }
        }
    }

    /** Every partition of the topics; a topic that does not exist is an error (it may exist soon: worth a retry) or left out. */
    List<TopicPartition> partitions(org.apache.kafka.clients.consumer.Consumer<K, V> consumer, boolean topicsMustExist) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, settings.kafkaTimeout());
            if (infos == null || infos.isEmpty()) {
                if (topicsMustExist) {
                    throw new IllegalStateException("topic " + topic + " does not exist (yet)");
                }
                continue;
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    org.apache.kafka.clients.consumer.Consumer<K, V> open() {
        Properties properties = new Properties();
        properties.putAll(settings.consumerProperties());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return consumers.createConsumer(null, settings.clientId(), "-" + CONSUMERS.incrementAndGet(), properties);
    }
}
