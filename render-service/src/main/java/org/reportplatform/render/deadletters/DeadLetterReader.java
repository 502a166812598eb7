package org.reportplatform.render.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads dead-letter topics on demand, as raw bytes (a dead letter may be anything), with a
 * consumer of its own: partitions assigned, no group, nothing committed. Dead letters are rare and
 * looked at by people: reading the tail of a few partitions when asked costs less than keeping an
 * index up to date.
 */
public final class DeadLetterReader {

    private final ConsumerFactory<String, Object> consumers;
    private final Duration timeout;

    public DeadLetterReader(ConsumerFactory<String, Object> consumers, Duration timeout) {
        this.consumers = consumers;
        this.timeout = timeout;
    }

    /** The last {@code limit} records of each partition of the topics, newest first (by failure time), at most {@code limit} in all. */
    public List<ConsumerRecord<byte[], byte[]>> newest(List<String> topics, int limit) {
        try (Consumer<byte[], byte[]> consumer = open()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            end.entrySet().removeIf(e -> e.getValue() <= begin.get(e.getKey()));
            consumer.assign(end.keySet());
            end.forEach((tp, last) -> consumer.seek(tp, Math.max(begin.get(tp), last - limit)));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
                if (end.isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading the dead-letter topics took longer than " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.stream()
                    .sorted(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp())
                            .thenComparing(ConsumerRecord::topic).thenComparingInt(ConsumerRecord::partition)
                            .thenComparingLong(ConsumerRecord::offset).reversed())
                    .limit(limit)
                    .toList();
        }
    }

    /** The record at that position, if the topic still has it. */
    public Optional<ConsumerRecord<byte[], byte[]>> read(DeadLetterId id) {
        try (Consumer<byte[], byte[]> consumer = open()) {
            TopicPartition tp = id.topicPartition();
            List<PartitionInfo> infos = consumer.partitionsFor(id.topic(), timeout);
            if (infos == null || infos.stream().noneMatch(info -> info.partition() == id.partition())) {
                return Optional.empty();
            }
            long begin = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
            long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
            if (id.offset() < begin || id.offset() >= end) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            consumer.seek(tp, id.offset());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(tp, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading " + id + " took longer than " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == id.offset()) {
                        return Optional.of(record);
                    }
                    if (record.offset() > id.offset()) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    private Consumer<byte[], byte[]> open() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        @SuppressWarnings("unchecked")
        Consumer<byte[], byte[]> consumer = (Consumer<byte[], byte[]>) (Consumer<?, ?>) consumers.createConsumer(null, null, "-dead-letters", overrides);
        return consumer;
    }
}
