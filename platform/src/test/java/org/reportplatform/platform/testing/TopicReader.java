package org.reportplatform.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.Topic;

/**
 * Reads what a topic holds right now, committed records only, as a test wants to check it.
 *
 * <p>"Right now" is the high watermark, not the last stable offset a read-committed consumer
 * would stop at: a writer's {@code commitTransaction} returns once the coordinator decided, and
 * the commit markers reach the partitions a moment later. Until they do, the last stable offset
 * still excludes the write the test was just answered for; reading up to the high watermark
 * waits for the markers, so an acknowledged write is always seen.
 */
public final class TopicReader {

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every committed record of the topic, in partition then offset order. */
    public <V extends SpecificRecord> List<ConsumerRecord<String, SpecificRecord>> records(Topic<V> topic) {
        return records(topic.name());
    }

    public List<ConsumerRecord<String, SpecificRecord>> records(String topicName) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Properties uncommitted = new Properties();
        uncommitted.putAll(config);
        uncommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new AvroDeserializer());
                var highWatermarks = new KafkaConsumer<>(uncommitted, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topicName, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(highWatermarks.endOffsets(partitions, Duration.ofSeconds(10)));
            List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topicName + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            records.sort((a, b) -> a.partition() != b.partition()
                    ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
            return records;
        }
    }

    /** The values of every committed record, cast to the topic's type (tombstones as null). */
    public <V extends SpecificRecord> List<V> values(Topic<V> topic) {
        return records(topic).stream().map(r -> r.value() == null ? null : topic.cast(r.value())).toList();
    }
}
