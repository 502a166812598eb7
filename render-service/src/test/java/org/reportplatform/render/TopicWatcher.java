package org.reportplatform.render;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one topic from the beginning and keeps every record, for tests to wait on and inspect. */
final class TopicWatcher<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

    TopicWatcher(String bootstrapServers, String topic, Deserializer<V> values) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every record read so far whose key satisfies {@code key}, in arrival order. */
    synchronized List<ConsumerRecord<String, V>> records(Predicate<String> key) {
        return records.stream().filter(r -> key.test(r.key())).toList();
    }

    synchronized void poll(Duration timeout) {
        consumer.poll(timeout).forEach(records::add);
    }

    /** Polls until {@code condition} holds on the records with matching keys; returns them. */
    List<ConsumerRecord<String, V>> awaitRecords(Predicate<String> key, Predicate<List<ConsumerRecord<String, V>>> condition) {
        // A ceiling against a hang, not the time expected: a first PDF in a fresh JVM on two busy cores can take 20 s.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> {
            poll(Duration.ofMillis(100));
            return condition.test(records(key));
        });
        return records(key);
    }

    /** Polls until every partition has been read up to its end offset as of now; returns how many records were read in all. */
    int readToEnd() {
        Map<TopicPartition, Long> ends;
        synchronized (this) {
            ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(1)).until(() -> {
            poll(Duration.ofMillis(50));
            return reached(ends);
        });
        return records(key -> true).size();
    }

    private synchronized boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
