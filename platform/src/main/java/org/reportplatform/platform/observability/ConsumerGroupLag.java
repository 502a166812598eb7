package org.reportplatform.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code report.kafka.consumer.group.lag{group,topic,partition}}: how many committed records each
 * consumer group has not processed yet, per partition, as {@code kafka-consumer-groups.sh
 * --describe} shows it (end offset of committed records minus the group's committed offset).
 *
 * <p>Read with the admin client every {@code report.observability.consumer-lag-refresh}, off the
 * scrape: a scrape never waits for Kafka. The Kafka clients' own {@code records-lag} gauges say
 * the same from inside a running consumer; this one also shows a group whose consumer is down.
 * When Kafka does not answer, the last values stay and the failure is logged once.
 */
public final class ConsumerGroupLag implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupLag.class);

    private final Admin admin;
    private final List<String> groups;
    private final Duration refresh;
    private final MultiGauge lag;
    private ScheduledExecutorService scheduler;
    private volatile boolean failing;

    public ConsumerGroupLag(Admin admin, List<String> groups, Duration refresh, MeterRegistry meters) {
        this.admin = admin;
        this.groups = List.copyOf(groups);
        this.refresh = refresh;
        this.lag = MultiGauge.builder("report.kafka.consumer.group.lag")
                .description("Records of each partition that the consumer group has not committed yet")
                .baseUnit("records")
                .register(meters);
    }

    /** Reads the lag now (also what the scheduler does). */
    public Map<TopicPartition, Long> refresh(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(refresh.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> lags = new HashMap<>();
        if (latest.isEmpty()) {
            return lags;
        }
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all().get(refresh.toMillis(), TimeUnit.MILLISECONDS);
        committed.forEach((tp, offset) -> {
            if (offset != null && ends.containsKey(tp)) {
                lags.put(tp, Math.max(0, ends.get(tp).offset() - offset.offset()));
            }
        });
        return lags;
    }

    private void refreshAll() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        try {
            for (String group : groups) {
                refresh(group).forEach((tp, records) -> rows.add(MultiGauge.Row.of(
                        Tags.of("group", group, "topic", tp.topic(), "partition", Integer.toString(tp.partition())), records)));
            }
            lag.register(rows, true);
            if (failing) {
                log.info("consumer group lag can be read again");
            }
            failing = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!failing) {
                log.warn("cannot read the lag of consumer groups {}: {}", groups, e.toString());
            }
            failing = true;
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || groups.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "consumer-group-lag");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refreshAll, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
