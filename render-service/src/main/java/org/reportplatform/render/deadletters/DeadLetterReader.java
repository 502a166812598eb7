package org.reportplatform.render.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.reportplatform.platform.log.FollowerSettings;
import org.reportplatform.platform.log.LogFollower;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads dead-letter topics on demand, as raw bytes (a dead letter may be anything), with a
 * consumer of its own: partitions assigned, no group, nothing committed. Dead letters are rare and
 * looked at by people: reading the tail of a few partitions when asked costs less than keeping an
 * index up to date.
 */
public final class DeadLetterReader {

    private final ConsumerFactory<byte[], byte[]> consumers;
    private final FollowerSettings settings;

    @SuppressWarnings("unchecked")
    public DeadLetterReader(ConsumerFactory<String, Object> consumers, Duration timeout) {
        // The factory's deserializers are replaced by byte-array ones below.
        this.consumers = (ConsumerFactory<byte[], byte[]>) (ConsumerFactory<?, ?>) consumers;
        this.settings = FollowerSettings.named("render-dead-letters").withKafkaTimeout(timeout).withReadTimeout(timeout)
                .withConsumerProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName())
                .withConsumerProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName())
                .withConsumerProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    }

    /** The last {@code limit} records of each partition of the topics, newest first (by failure time), at most {@code limit} in all. */
    public List<ConsumerRecord<byte[], byte[]>> newest(List<String> topics, int limit) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        new LogFollower<>(consumers, topics, settings).readLast(limit, records::add);
        return records.stream()
                .sorted(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp())
                        .thenComparing(ConsumerRecord::topic).thenComparingInt(ConsumerRecord::partition)
                        .thenComparingLong(ConsumerRecord::offset).reversed())
                .limit(limit)
                .toList();
    }

    /** The record at that position, if the topic still has it. */
    public Optional<ConsumerRecord<byte[], byte[]>> read(DeadLetterId id) {
        return new LogFollower<>(consumers, List.of(id.topic()), settings).readAt(id.partition(), id.offset());
    }
}
