package org.reportplatform.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.RenderedOutput;

/**
 * The topics as the tests look at them: raw bytes, committed records only. Unlike the platform's
 * TopicReader it does not stop at a record that is not a platform event (the poison-record test
 * puts such records on the shared topics): each record comes with its decoded event, or the reason
 * it has none. Also writes raw bytes, as a broken or hostile producer would.
 */
final class TopicLog {

    private final String bootstrapServers;

    TopicLog(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** One record: its bytes, its headers, and its event if the bytes are one. */
    record Entry(String topic, int partition, long offset, String key, byte[] value, Map<String, String> headers,
            SpecificRecord event, String undecodable) {
    }

    /** The end offsets (last stable offsets) of the topics' partitions. */
    Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            Map<TopicPartition, Long> ends = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            ends.putAll(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            return ends;
        }
    }

    List<Entry> records(String topic) {
        AvroDeserializer avro = new AvroDeserializer();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, List.of(topic));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            List<Entry> entries = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    SpecificRecord event = null;
                    String undecodable = null;
                    if (r.value() != null) {
                        try {
                            event = avro.deserialize(topic, r.value());
                        } catch (RuntimeException e) {
                            undecodable = e.getMessage();
                        }
                    }
                    entries.add(new Entry(r.topic(), r.partition(), r.offset(), r.key(), r.value(), headers, event, undecodable));
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            entries.sort((a, b) -> a.partition() != b.partition()
                    ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
            return entries;
        }
    }

    /** The decoded events of a topic (records that are not events left out), cast to {@code type}. */
    <V extends SpecificRecord> List<V> events(String topic, Class<V> type) {
        return records(topic).stream().filter(e -> type.isInstance(e.event())).map(e -> type.cast(e.event())).toList();
    }

    /** The last output of each path on an output topic ({@code report.pages.v1}, {@code report.documents.v1}); null for a path whose last record deletes it. */
    Map<String, RenderedOutput> lastOutputs(String topic) {
        Map<String, RenderedOutput> last = new HashMap<>();
        for (Entry entry : records(topic)) {
            last.put(entry.key(), entry.event() instanceof RenderedOutput output ? output : null);
        }
        return last;
    }

    /** Writes one record of raw bytes, outside any transaction; waits for the acknowledgement. */
    void writeRaw(String topic, String key, byte[] value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not write to " + topic, e.getCause());
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 40 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 40 * 1024 * 1024);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitions;
    }
}
