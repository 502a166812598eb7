package org.reportplatform.gateway.testing;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reportplatform.platform.kafka.KafkaTopicsProperties;
import org.reportplatform.platform.kafka.TopicDefinitions;
import org.reportplatform.schemas.AvroSerializer;

/**
 * Publishes to the platform's topics the way the render service does (Avro single-object
 * encoding through {@link AvroSerializer}), plus tombstones and undecodable bytes.
 */
public final class TopicPublisher implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> avro;
    private final KafkaProducer<String, byte[]> raw;

    public TopicPublisher(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        this.avro = new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer());
        this.raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Creates every platform topic, as the services do at start (the test broker does not auto-create). */
    public static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(TopicDefinitions.all(new KafkaTopicsProperties((short) 1, 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public TopicPublisher publish(String topic, String key, SpecificRecord value) {
        await(avro.send(new ProducerRecord<>(topic, key, value)));
        return this;
    }

    /** Sends without waiting; {@link #flush()} waits for all. */
    public TopicPublisher send(String topic, String key, SpecificRecord value) {
        avro.send(new ProducerRecord<>(topic, key, value));
        return this;
    }

    public TopicPublisher tombstone(String topic, String key) {
        await(avro.send(new ProducerRecord<>(topic, key, null)));
        return this;
    }

    public TopicPublisher publishRaw(String topic, String key, byte[] value) {
        await(raw.send(new ProducerRecord<>(topic, key, value)));
        return this;
    }

    public void flush() {
        avro.flush();
        raw.flush();
    }

    @Override
    public void close() {
        avro.close();
        raw.close();
    }

    private static void await(java.util.concurrent.Future<?> send) {
        try {
            send.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }
}
