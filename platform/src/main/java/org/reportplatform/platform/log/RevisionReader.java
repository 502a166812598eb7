package org.reportplatform.platform.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.common.TopicPartition;
import org.reportplatform.schemas.Topic;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads records back from a writer's topic at known positions: how an old revision is served
 * once memory keeps only its summary and position. A consumer of its own (no group, nothing
 * committed) assigns the partition and seeks to the offset; committed records only, like every
 * reader of the log (a position a writer keeps always names a committed record). It never
 * touches the writer's state or lock.
 *
 * <p>The consumer is opened at the first read and kept for the next ones, one read at a time:
 * opening a consumer (configuration, metrics, connection, metadata) costs far more than a read,
 * hundreds of milliseconds on a loaded machine. After a failed read it is closed and the next
 * read opens a new one. {@link #close} closes it (a Spring bean's inferred destroy method).
 */
public class RevisionReader<E extends SpecificRecord> implements AutoCloseable {

    /** The broker sends at least one whole batch whatever this says: enough for one revision and its neighbours. */
    private static final int FETCH_BYTES = 256 * 1024;

    private final Topic<E> topic;
    private final ConsumerFactory<String, Object> consumers;
    private final Duration timeout;
    private final AtomicLong readers = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private Consumer<String, Object> consumer;
    private boolean closed;

    public RevisionReader(Topic<E> topic, ConsumerFactory<String, Object> consumers, Duration timeout) {
        this.topic = topic;
        this.consumers = consumers;
        this.timeout = timeout;
    }

    /** The record at one position. */
    public E read(LogPosition position) {
        return read(List.of(position)).get(0);
    }

    /**
     * The records at the given positions, in the same order, read with one consumer. Throws
     * {@link LogUnavailableException} if Kafka does not answer within the timeout, and
     * {@link IllegalStateException} if a position names no readable record (the topic is not the
     * one the positions were taken from).
     */
    public List<E> read(List<LogPosition> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        Map<LogPosition, E> found = new HashMap<>();
        Set<LogPosition> wanted = new LinkedHashSet<>(positions);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new LogUnavailableException("other reads of " + topic.name() + " took the whole "
                        + timeout.toMillis() + " ms this read may wait", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogUnavailableException("interrupted while waiting to read " + topic.name(), e);
        }
        try {
            Consumer<String, Object> reader = open();
            for (LogPosition position : wanted) {
                if (!found.containsKey(position)) {
                    fetch(reader, position, wanted, found, deadline);
                }
            }
        } catch (RuntimeException e) {
            // The consumer may be in any state now (a poll cut short, a broken connection): start afresh.
            closeConsumer();
            throw e;
        } finally {
            lock.unlock();
        }
        List<E> events = new ArrayList<>(positions.size());
        for (LogPosition position : positions) {
            events.add(found.get(position));
        }
        return events;
    }

    /** Seeks to one position and polls until its record arrives; keeps any other wanted record on the way. */
    private void fetch(Consumer<String, Object> consumer, LogPosition position, Set<LogPosition> wanted,
            Map<LogPosition, E> found, long deadline) {
        TopicPartition partition = new TopicPartition(topic.name(), position.partition());
        consumer.assign(List.of(partition));
        consumer.seek(partition, position.offset());
        while (!found.containsKey(position)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LogUnavailableException("Kafka did not return record " + position + " of " + topic.name()
                        + " within " + timeout.toMillis() + " ms", null);
            }
            ConsumerRecords<String, Object> records;
            try {
                records = consumer.poll(Duration.ofNanos(Math.min(left, 200_000_000L)));
            } catch (InvalidOffsetException e) {
                throw new IllegalStateException("no record at " + position + " of " + topic.name() + ": " + e.getMessage(), e);
            }
            for (ConsumerRecord<String, Object> record : records) {
                LogPosition at = new LogPosition(record.partition(), record.offset());
                if (record.offset() > position.offset() && !found.containsKey(position)) {
                    throw new IllegalStateException("no committed record at " + position + " of " + topic.name()
                            + ": the next one is at offset " + record.offset());
                }
                if (wanted.contains(at)) {
                    if (record.value() == null) {
                        throw new IllegalStateException("the record at " + at + " of " + topic.name() + " cannot be decoded");
                    }
                    found.put(at, topic.cast(record.value()));
                }
            }
        }
    }

    private Consumer<String, Object> open() {
        if (closed) {
            throw new LogUnavailableException("the reader of " + topic.name() + " is closed (the service is stopping)", null);
        }
        if (consumer == null) {
            consumer = consumers.createConsumer(null, topic.name() + "-reader-", Long.toString(readers.incrementAndGet()),
                    overrides());
        }
        return consumer;
    }

    private void closeConsumer() {
        if (consumer != null) {
            try {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
            } catch (RuntimeException e) {
                // Nothing to save: a reader commits nothing.
            }
            consumer = null;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closeConsumer();
        } finally {
            lock.unlock();
        }
    }

    private static Properties overrides() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A position that is out of range is an error to report, never a silent jump elsewhere.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // A poll sends the next fetch before it returns; at the end of the log the broker holds that
        // fetch up to fetch.max.wait.ms, and the next read's fetch waits behind it. Keep it short.
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(FETCH_BYTES));
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(FETCH_BYTES));
        return properties;
    }
}
