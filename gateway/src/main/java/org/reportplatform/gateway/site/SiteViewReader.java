package org.reportplatform.gateway.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.reportplatform.schemas.RenderedOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Keeps the {@link SiteView} equal to the rendered topics: reads them from the beginning with a
 * consumer of its own (partitions assigned, no consumer group, nothing committed: every replica
 * holds the whole report), then keeps tailing them. Read committed, through the platform's
 * consumer settings ({@code ErrorHandlingDeserializer} around {@code AvroDeserializer}).
 *
 * <p>Readiness: the reader publishes {@link ReadinessState#REFUSING_TRAFFIC} when it starts, and
 * {@link #awaitCaughtUp()} (an application runner) holds Spring Boot's own
 * {@code ACCEPTING_TRAFFIC}, which Boot publishes only after the runners, until the initial read
 * has reached the end offsets seen at start. Afterwards the gateway stays ready whatever Kafka
 * does: it keeps serving the last report it read.
 *
 * <p>A record that cannot be read (not a {@code RenderedOutput}, no key) is logged and skipped;
 * nothing stops the view. If the consumer fails, it is recreated after a pause and resumes where
 * it was (never from the beginning, so no deleted page reappears).
 */
public class SiteViewReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SiteViewReader.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(SiteViewReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KAFKA_CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final long PROGRESS_LOG_SECONDS = 10;

    private final ConsumerFactory<?, ?> consumers;
    private final SiteView view;
    private final List<String> topics;
    private final ApplicationEventPublisher events;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();

    // Owned by the reader thread.
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private Map<TopicPartition, Long> endOffsetsAtStart;
    private long startedNanos;

    private volatile Map<TopicPartition, Long> behind = Map.of();
    /** The consumer's positions after its last poll (past transaction markers), for the ops dashboard. */
    private volatile Map<TopicPartition, Long> readPositions = Map.of();
    private volatile long skippedRecords;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Consumer<?, ?> consumer;

    public SiteViewReader(ConsumerFactory<?, ?> consumers, SiteView view, List<String> topics,
            ApplicationEventPublisher events) {
        this.consumers = consumers;
        this.view = view;
        this.topics = List.copyOf(topics);
        this.events = events;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        startedNanos = System.nanoTime();
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        Thread reader = new Thread(this::run, "site-view-reader");
        reader.setDaemon(true);
        thread = reader;
        reader.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<?, ?> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread reader = thread;
        if (reader != null) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        caughtUp.completeExceptionally(new IllegalStateException("the site view reader stopped"));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early, so the initial read overlaps the rest of the start; stopped after the web server. */
    @Override
    public int getPhase() {
        return 0;
    }

    /**
     * Blocks until the initial read reached the end offsets seen at start, logging progress; returns
     * early only if the reader is stopped.
     */
    public void awaitCaughtUp() {
        while (true) {
            try {
                caughtUp.get(PROGRESS_LOG_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                log.info("still reading the rendered topics ({} outputs so far); records left per partition: {}",
                        view.size(), behind);
            } catch (ExecutionException e) {
                log.info("the site view reader stopped before the initial read finished");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Where the reader is in each partition (the offset of the next record it will read), as of its
     * last poll; empty before the first. Compared with the end offsets, this is the view's lag.
     */
    public Map<TopicPartition, Long> positions() {
        return readPositions;
    }

    /** Records skipped because they could not be read, since start. */
    public long skippedRecords() {
        return skippedRecords;
    }

    private void run() {
        while (running) {
            try {
                readUntilStopped();
            } catch (WakeupException | InterruptException e) {
                // stop() woke the consumer up
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("reading the rendered topics failed, retrying in {} ms: {}", RETRY_PAUSE.toMillis(), e.toString());
                    log.debug("reading the rendered topics failed", e);
                    pause();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void readUntilStopped() {
        try (Consumer<String, Object> kafka = (Consumer<String, Object>) consumers.createConsumer(null, "gateway-site-view", null)) {
            consumer = kafka;
            if (!running) {
                return;
            }
            List<TopicPartition> partitions = partitions(kafka);
            kafka.assign(partitions);
            for (TopicPartition partition : partitions) {
                Long position = positions.get(partition);
                if (position == null) {
                    kafka.seekToBeginning(List.of(partition));
                } else {
                    kafka.seek(partition, position);
                }
            }
            if (endOffsetsAtStart == null) {
                endOffsetsAtStart = Map.copyOf(kafka.endOffsets(partitions, KAFKA_CALL_TIMEOUT));
                log.info("reading {} from the beginning up to {}", topics, endOffsetsAtStart);
            }
            while (running) {
                if (!caughtUp.isDone()) {
                    checkCaughtUp(kafka);
                }
                ConsumerRecords<String, Object> records = kafka.poll(POLL);
                for (ConsumerRecord<String, Object> record : records) {
                    apply(record);
                    positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
                snapshotPositions(kafka, partitions);
            }
        } finally {
            consumer = null;
        }
    }

    /**
     * The consumer's own positions, not the last record's offset + 1: after a transaction the
     * position moves past its commit marker, which is not a record; the end offset counts it.
     */
    private void snapshotPositions(Consumer<String, Object> kafka, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> now = new HashMap<>();
        for (TopicPartition partition : partitions) {
            now.put(partition, kafka.position(partition, KAFKA_CALL_TIMEOUT));
        }
        readPositions = Map.copyOf(now);
    }

    private List<TopicPartition> partitions(Consumer<String, Object> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, KAFKA_CALL_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist (yet)");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private void checkCaughtUp(Consumer<String, Object> kafka) {
        Map<TopicPartition, Long> left = new HashMap<>();
        endOffsetsAtStart.forEach((partition, end) -> {
            long position = kafka.position(partition, KAFKA_CALL_TIMEOUT);
            if (position < end) {
                left.put(partition, end - position);
            }
        });
        behind = Map.copyOf(left);
        if (left.isEmpty()) {
            view.markCaughtUp();
            caughtUp.complete(null);
            log.info("site view caught up in {} ms: {} outputs ({}), {} unreadable records skipped",
                    (System.nanoTime() - startedNanos) / 1_000_000, view.size(), sizes(), skippedRecords);
        }
    }

    private void apply(ConsumerRecord<String, Object> record) {
        DeserializationException unreadable = deserializationFailure(record);
        if (unreadable != null || record.key() == null
                || (record.value() != null && !(record.value() instanceof RenderedOutput))) {
            skippedRecords++;
            log.error("skipped an unreadable record at {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                    record.offset(), record.key(), unreadable != null ? rootMessage(unreadable)
                            : record.key() == null ? "it has no key (the URL path)"
                            : "it is a " + record.value().getClass().getSimpleName() + ", not a RenderedOutput");
            return;
        }
        try {
            view.apply(record.topic(), record.key(), (RenderedOutput) record.value());
        } catch (RuntimeException e) {
            skippedRecords++;
            log.error("skipped a record at {}-{}@{} (key {}) that could not be applied: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), e.toString());
        }
    }

    private static DeserializationException deserializationFailure(ConsumerRecord<?, ?> record) {
        for (String header : List.of(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER,
                SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER)) {
            if (record.headers().lastHeader(header) != null) {
                DeserializationException e = SerializationUtils.getExceptionFromHeader(record, header, LOG_ACCESSOR);
                return e != null ? e : new DeserializationException("the record could not be deserialized", null, false, null);
            }
        }
        return null;
    }

    private String sizes() {
        List<String> sizes = new ArrayList<>();
        topics.forEach(topic -> sizes.add(topic + ": " + view.size(topic)));
        return String.join(", ", sizes);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
