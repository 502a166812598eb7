package org.reportplatform.gateway.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.reportplatform.gateway.live.LiveNotice;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.Topics;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The latest change events of the source topics (chapters, indicators, datasets), read on demand:
 * a consumer of its own (no group, nothing committed, read committed like every consumer here)
 * reads the last {@code limit} records of each partition, and the newest {@code limit} of them
 * all are matched with this gateway's live notices (an output names the events that caused it),
 * which gives each event its edit-to-publish latency.
 *
 * <p>Blocking, bounded by the timeout: call it off the event loop. A record that is not a source
 * event (undecodable: it is in a dead-letter topic's business) is left out.
 */
final class RecentEvents {

    private static final List<String> TOPICS = List.of(Topics.CHAPTERS.name(), Topics.INDICATORS.name(), Topics.DATASETS.name());
    private static final Duration POLL = Duration.ofMillis(100);

    private final ConsumerFactory<?, ?> consumers;
    private final Duration timeout;
    private final AtomicLong clients = new AtomicLong();

    RecentEvents(ConsumerFactory<?, ?> consumers, Duration timeout) {
        this.consumers = consumers;
        this.timeout = timeout;
    }

    /** The newest {@code limit} events, newest first, each with what this gateway saw of it going live. */
    List<SourceEvent> read(int limit, List<LiveNotice> notices) {
        List<ConsumerRecord<String, Object>> records = tail(limit);
        Map<String, LiveNotice> firstOutput = firstOutputByCause(notices);
        List<SourceEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, Object> record : records) {
            if (record.value() instanceof GenericRecord value && value.get("metadata") instanceof EventMetadata metadata) {
                LiveNotice live = firstOutput.get(metadata.getEventId());
                Instant publishedAt = live == null ? null : live.publishedAt();
                String kind = kind(record.topic());
                events.add(new SourceEvent(metadata.getEventId(), kind, record.key(),
                        value.get("revision") instanceof Long revision ? revision : 0L, deleted(kind, value),
                        metadata.getActor(), metadata.getOccurredAt(), metadata.getTraceparent(), record.topic(),
                        record.partition(), record.offset(), publishedAt,
                        publishedAt == null ? null : Duration.between(metadata.getOccurredAt(), publishedAt).toMillis(),
                        live == null ? null : live.path()));
            }
        }
        events.sort(Comparator.comparing(SourceEvent::occurredAt).reversed());
        return events.size() > limit ? List.copyOf(events.subList(0, limit)) : events;
    }

    @SuppressWarnings("unchecked")
    private List<ConsumerRecord<String, Object>> tail(int limit) {
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (Consumer<String, Object> kafka = (Consumer<String, Object>) consumers.createConsumer(null,
                "gateway-ops-events", "-" + clients.incrementAndGet())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, timeout);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> begins = kafka.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> toRead = new HashMap<>();
            ends.forEach((partition, end) -> {
                long start = Math.max(begins.getOrDefault(partition, 0L), end - limit);
                if (start < end) {
                    toRead.put(partition, start);
                }
            });
            if (toRead.isEmpty()) {
                return records;
            }
            kafka.assign(toRead.keySet());
            toRead.forEach(kafka::seek);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !toRead.keySet().stream()
                    .allMatch(partition -> kafka.position(partition, timeout) >= ends.get(partition))) {
                kafka.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    private static Map<String, LiveNotice> firstOutputByCause(List<LiveNotice> notices) {
        Map<String, LiveNotice> first = new HashMap<>();
        for (LiveNotice notice : notices) {
            if (notice.causes() != null && LiveNotice.PUBLISHED.equals(notice.type())) {
                notice.causes().forEach(cause -> first.putIfAbsent(cause, notice));
            }
        }
        return first;
    }

    private static String kind(String topic) {
        if (topic.equals(Topics.CHAPTERS.name())) {
            return "chapter";
        }
        return topic.equals(Topics.INDICATORS.name()) ? "indicator" : "dataset";
    }

    /** Each source event holds its new state in the field named after its kind, null when the source was deleted. */
    private static boolean deleted(String kind, GenericRecord value) {
        return value.getSchema().getField(kind) != null && value.get(kind) == null;
    }
}
