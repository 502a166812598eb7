package org.reportplatform.content.references;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Keeps {@link KnownReferences} up to date: one plain consumer, assigned every partition of
 * report.indicators.v1 and report.datasets.v1, reads them from the beginning (committed records
 * only) and keeps tailing them on a thread of its own. No consumer group, no committed offsets:
 * like the chapters' replay, the view is rebuilt from the log at every start.
 *
 * <p>Start waits (a bounded time) until the view has caught up with the topics' ends, so the
 * first PUT after a restart is already checked against every figure; if that takes too long the
 * service starts anyway and warnings are only incomplete for a while.
 */
public class ReferenceTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReferenceTail.class);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final List<String> TOPICS = List.of(Topics.INDICATORS.name(), Topics.DATASETS.name());

    private final KnownReferences known;
    private final ConsumerFactory<String, Object> consumers;
    private final Duration startWait;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Consumer<String, Object> consumer;
    private Thread thread;

    public ReferenceTail(KnownReferences known, ConsumerFactory<String, Object> consumers, Duration startWait) {
        this.known = known;
        this.consumers = consumers;
        this.startWait = startWait;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::tail, "content-references");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!caughtUp.await(startWait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the indicators and datasets were not read within {} s; reference warnings stay incomplete until they are",
                        startWait.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads both topics from the beginning and follows them; starts over after a failure (latest event wins, so re-reading is harmless). */
    private void tail() {
        while (running) {
            try {
                follow();
            } catch (WakeupException e) {
                if (running) {
                    log.error("the reference view was woken up unexpectedly; reading the figures again", e);
                }
            } catch (RuntimeException e) {
                log.error("the reference view failed; reading the figures again in {} s (warnings may be incomplete meanwhile)",
                        RETRY.toSeconds(), e);
                pause();
            }
        }
    }

    private void follow() {
        try (Consumer<String, Object> tailing = consumers.createConsumer(null, "content-references")) {
            consumer = tailing;
            if (!running) {
                return;
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo info : tailing.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(info.topic(), info.partition()));
                }
            }
            tailing.assign(partitions);
            tailing.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(tailing.endOffsets(partitions, Duration.ofSeconds(30)));
            long started = System.nanoTime();
            long count = 0;
            while (running) {
                for (ConsumerRecord<String, Object> record : tailing.poll(Duration.ofMillis(500))) {
                    apply(record);
                    count++;
                }
                if (!end.isEmpty()) {
                    end.entrySet().removeIf(e -> tailing.position(e.getKey()) >= e.getValue());
                    if (end.isEmpty()) {
                        known.caughtUp();
                        caughtUp.countDown();
                        log.info("read {} indicator and dataset events in {} ms; following them", count,
                                (System.nanoTime() - started) / 1_000_000);
                    }
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void pause() {
        try {
            stopping.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void apply(ConsumerRecord<String, Object> record) {
        Object value = record.value();
        if (value instanceof IndicatorChanged indicator) {
            known.apply(indicator);
        } else if (value instanceof DatasetChanged dataset) {
            known.apply(dataset);
        } else {
            // Undecodable (null after ErrorHandlingDeserializer) or of another type: the figures'
            // writer and the render service deal with it; this view only needs ids.
            log.warn("skipped an unreadable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
        }
    }

    @Override
    public void stop() {
        running = false;
        stopping.countDown();
        Consumer<String, Object> current = consumer;
        if (current != null) {
            try {
                current.wakeup();
            } catch (RuntimeException e) {
                // Already closing: the loop ends at its next poll anyway.
            }
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** With the chapters' replay, before the web server opens. */
    @Override
    public int getPhase() {
        return 0;
    }
}
