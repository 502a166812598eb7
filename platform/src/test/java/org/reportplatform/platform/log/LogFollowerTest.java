package org.reportplatform.platform.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * The one follower of the log, on a real broker: bounded reads stop at the end offsets seen when
 * they begin, a tail signals when it caught up and goes on with what comes after, aborted
 * transactions never show, and a follower that cannot read yet tries again.
 */
class LogFollowerTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static ConsumerFactory<String, String> consumers;
    private static KafkaProducer<String, String> producer;

    private final List<String> read = new CopyOnWriteArrayList<>();
    private LogTail<String, String> tail;

    @BeforeAll
    static void clients() {
        // No isolation level here (the client's default is read_uncommitted): the follower sets read_committed itself.
        consumers = new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void stopTail() {
        if (tail != null) {
            tail.stop();
        }
    }

    @Test
    void readToEndHandsOverEveryRecordInOrderAndStopsAtTheEndSeenAtItsStart() throws Exception {
        // Given a topic of two partitions with records in both
        String topic = topic(2);
        send(topic, 0, "a1", "a2", "a3");
        send(topic, 1, "b1", "b2");

        // When it is read to its end
        LogRead result = follower(topic).readToEnd(record -> read.add(record.value()));

        // Then every record arrived, in offset order per partition
        assertThat(result.records()).isEqualTo(5);
        assertThat(read).containsExactlyInAnyOrder("a1", "a2", "a3", "b1", "b2");
        assertThat(read.stream().filter(value -> value.startsWith("a")).toList()).containsExactly("a1", "a2", "a3");
    }

    @Test
    void abortedTransactionsAreNeverHandedOver() throws Exception {
        // Given a committed, an aborted and another committed transaction
        String topic = topic(1);
        try (KafkaProducer<String, String> transactional = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "follower-test-" + UUID.randomUUID()), new StringSerializer(), new StringSerializer())) {
            transactional.initTransactions();
            for (String value : List.of("committed-1", "aborted", "committed-2")) {
                transactional.beginTransaction();
                transactional.send(new ProducerRecord<>(topic, "key", value)).get();
                if (value.equals("aborted")) {
                    transactional.abortTransaction();
                } else {
                    transactional.commitTransaction();
                }
            }
        }

        // When it is read to its end, and followed
        follower(topic).readToEnd(record -> read.add(record.value()));
        List<String> followed = new CopyOnWriteArrayList<>();
        tail = follower(topic).follow(record -> followed.add(record.value()), caughtUp -> { });
        tail.caughtUp().get(30, TimeUnit.SECONDS);

        // Then only the committed records were read, both ways
        assertThat(read).containsExactly("committed-1", "committed-2");
        assertThat(followed).containsExactly("committed-1", "committed-2");
    }

    @Test
    void aTailSignalsCaughtUpAfterTheRecordsBeforeItsStartThenFollowsNewOnes() throws Exception {
        // Given three records already on the topic
        String topic = topic(3);
        send(topic, 0, "old-1");
        send(topic, 1, "old-2");
        send(topic, 2, "old-3");

        // When it is followed
        CompletableFuture<List<String>> readWhenCaughtUp = new CompletableFuture<>();
        tail = follower(topic).follow(record -> read.add(record.value()), caughtUp -> {
            assertThat(caughtUp.records()).isEqualTo(3);
            readWhenCaughtUp.complete(List.copyOf(read));
        });

        // Then it catches up with exactly those three, and reports where it is
        tail.caughtUp().get(30, TimeUnit.SECONDS);
        assertThat(readWhenCaughtUp.get()).containsExactlyInAnyOrder("old-1", "old-2", "old-3");
        assertThat(tail.behind()).isEmpty();

        // And a record written afterwards is handed over too
        send(topic, 1, "new");
        await().atMost(Duration.ofSeconds(30)).until(() -> read.contains("new"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tail.positions().values()).containsExactlyInAnyOrder(1L, 2L, 1L));
    }

    @Test
    void aTailThatCannotReadYetTriesAgainUntilItCan() throws Exception {
        // Given a follower of a topic that does not exist yet
        String topic = "follower-later-" + UUID.randomUUID();
        tail = new LogFollower<>(consumers, List.of(topic), FollowerSettings.named("follower-test")
                .withKafkaTimeout(Duration.ofSeconds(5)).withRetryPause(Duration.ofMillis(200)))
                .follow(record -> read.add(record.value()), caughtUp -> { });
        assertThat(tail.caughtUp()).isNotDone();

        // When the topic is created and written to
        createTopic(topic, 1);
        send(topic, 0, "first");

        // Then the follower gets there: caught up, and the record is read
        tail.caughtUp().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> read.contains("first"));
    }

    @Test
    void aStoppedTailNeverCatchesUp() {
        // Given a follower still trying to read a topic that does not exist
        tail = new LogFollower<>(consumers, List.of("follower-never-" + UUID.randomUUID()),
                FollowerSettings.named("follower-test").withKafkaTimeout(Duration.ofSeconds(5)).withRetryPause(Duration.ofSeconds(30)))
                .follow(record -> read.add(record.value()), caughtUp -> { });

        // When it is stopped (during its pause or its attempt)
        tail.stop();

        // Then whoever waits for it is told
        assertThat(tail.caughtUp()).isCompletedExceptionally();
    }

    @Test
    void readLastGivesTheLastRecordsOfEachPartitionAndReadAtOneRecord() throws Exception {
        // Given a topic with four records in one partition and one in the other
        String topic = topic(2);
        send(topic, 0, "p0-0", "p0-1", "p0-2", "p0-3");
        send(topic, 1, "p1-0");

        // When the last two of each partition are read
        follower(topic).readLast(2, record -> read.add(record.value()));

        // Then those are the ones read
        assertThat(read).containsExactlyInAnyOrder("p0-2", "p0-3", "p1-0");

        // And one position reads one record, and a position past the end none
        Optional<ConsumerRecord<String, String>> second = follower(topic).readAt(0, 1);
        assertThat(second).map(ConsumerRecord::value).contains("p0-1");
        assertThat(follower(topic).readAt(1, 5)).isEmpty();
        assertThat(follower(topic).readAt(7, 0)).isEmpty();
    }

    @Test
    void readLastLeavesOutTopicsThatDoNotExist() throws Exception {
        String topic = topic(1);
        send(topic, 0, "only");

        new LogFollower<>(consumers, List.of("follower-missing-" + UUID.randomUUID(), topic), FollowerSettings.named("follower-test"))
                .readLast(5, record -> read.add(record.value()));

        assertThat(read).containsExactly("only");
    }

    private static LogFollower<String, String> follower(String topic) {
        return new LogFollower<>(consumers, List.of(topic), FollowerSettings.named("follower-test").withReadTimeout(Duration.ofSeconds(30)));
    }

    private static String topic(int partitions) throws Exception {
        String topic = "follower-" + UUID.randomUUID();
        createTopic(topic, partitions);
        return topic;
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private static void send(String topic, int partition, String... values) throws Exception {
        for (String value : values) {
            producer.send(new ProducerRecord<>(topic, partition, "key", value)).get();
        }
    }
}
