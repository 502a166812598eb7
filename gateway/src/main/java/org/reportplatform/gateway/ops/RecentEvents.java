package org.reportplatform.gateway.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reportplatform.gateway.live.LiveNotice;
import org.reportplatform.platform.log.FollowerSettings;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.platform.revisions.RevisionSummary;
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
 * <p>Blocking, bounded by the timeout (a read that takes longer fails): call it off the event loop. A record that is not a source
 * event (undecodable: it is in a dead-letter topic's business) is left out.
 */
final class RecentEvents {

    private static final List<String> TOPICS = List.of(Topics.CHAPTERS.name(), Topics.INDICATORS.name(), Topics.DATASETS.name());
    private static final Duration POLL = Duration.ofMillis(100);

    private final LogFollower<String, Object> follower;

    @SuppressWarnings("unchecked")
    RecentEvents(ConsumerFactory<?, ?> consumers, Duration timeout) {
        this.follower = new LogFollower<>((ConsumerFactory<String, Object>) consumers, TOPICS,
                FollowerSettings.named("gateway-ops-events").withKafkaTimeout(timeout).withReadTimeout(timeout).withPoll(POLL));
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
                        metadata.getActor(), RevisionSummary.nameOf(metadata.getActor(), metadata.getActorName()), metadata.getOccurredAt(), metadata.getTraceparent(), record.topic(),
                        record.partition(), record.offset(), publishedAt,
                        publishedAt == null ? null : Duration.between(metadata.getOccurredAt(), publishedAt).toMillis(),
                        live == null ? null : live.path()));
            }
        }
        events.sort(Comparator.comparing(SourceEvent::occurredAt).reversed());
        return events.size() > limit ? List.copyOf(events.subList(0, limit)) : events;
    }

    private List<ConsumerRecord<String, Object>> tail(int limit) {
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        follower.readLast(limit, records::add);
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
