package org.reportplatform.gateway.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
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
    private final List<Future<?>> pending = new CopyOnWriteArrayList<>();

    public TopicPublisher(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024,
                // Not idempotent, one request in flight (so retries keep the order): on a broker
                // that has just created its topics, an idempotent producer's first batches can get
                // NOT_LEADER_OR_FOLLOWER and then OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery
                // timeout, losing records.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        this.avro = new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer());
        this.raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Creates every platform topic, as the services do at start (the test broker does not
     * auto-create), and waits until each partition has a leader: a producer that sends to a
     * partition still without one gets NOT_LEADER_OR_FOLLOWER, and its idempotent retries can
     * then fail with OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout (records lost).
     */
    public static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = TopicDefinitions.all(new KafkaTopicsProperties((short) 1, 1));
            try {
                admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(e);
                }
            }
            List<String> names = topics.stream().map(NewTopic::name).toList();
            Awaitility.await("every partition of the platform's topics has a leader")
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> allPartitionsLed(admin, names));
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allPartitionsLed(Admin admin, List<String> names) throws InterruptedException, TimeoutException {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            return descriptions.values().stream().flatMap(d -> d.partitions().stream())
                    .allMatch(p -> p.leader() != null && p.leader().id() >= 0);
        } catch (ExecutionException e) {
            return false;
        }
    }

    public TopicPublisher publish(String topic, String key, SpecificRecord value) {
        await(avro.send(new ProducerRecord<>(topic, key, value)));
        return this;
    }

    /** Sends without waiting; {@link #flush()} waits for all, and fails if one was not acknowledged. */
    public TopicPublisher send(String topic, String key, SpecificRecord value) {
        pending.add(avro.send(new ProducerRecord<>(topic, key, value)));
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
        List<Future<?>> sent = new ArrayList<>(pending);
        pending.clear();
        sent.forEach(TopicPublisher::await);
    }

    @Override
    public void close() {
        avro.close();
        raw.close();
    }

    private static void await(Future<?> send) {
        try {
            send.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }
}
