package org.reportplatform.gateway.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.reportplatform.platform.log.FollowerSettings;
import org.reportplatform.platform.log.FollowingLifecycle;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.platform.log.LogTail;
import org.reportplatform.schemas.RenderedOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Keeps the {@link SiteView} equal to the rendered topics: a {@link LogFollower} reads them from
 * the beginning with a consumer of its own (partitions assigned, no consumer group, nothing committed: every replica
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
 * nothing stops the view. If the consumer fails, the {@link LogFollower} recreates it after a
 * pause and resumes where it was (never from the beginning, so no deleted page reappears).
 */
public class SiteViewReader extends FollowingLifecycle<String, Object> {

    private static final Logger log = LoggerFactory.getLogger(SiteViewReader.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(SiteViewReader.class);
    /** A poll returns as soon as records arrive: this only bounds how long an idle poll waits. */
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KAFKA_CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final long PROGRESS_LOG_SECONDS = 10;

    private final LogFollower<String, Object> follower;
    private final SiteView view;
    private final List<String> topics;
    private final ApplicationEventPublisher events;

    private volatile long skippedRecords;

    public SiteViewReader(ConsumerFactory<?, ?> consumers, SiteView view, List<String> topics,
            ApplicationEventPublisher events) {
        this("gateway-site-view", consumers, view, topics, events);
    }

    /** A reader of other rendered topics (e.g. the drafts' previews) into a view of their own; {@code name} names its consumer. */
    @SuppressWarnings("unchecked")
    public SiteViewReader(String name, ConsumerFactory<?, ?> consumers, SiteView view, List<String> topics,
            ApplicationEventPublisher events) {
        this.follower = new LogFollower<>((ConsumerFactory<String, Object>) consumers, topics,
                FollowerSettings.named(name).withKafkaTimeout(KAFKA_CALL_TIMEOUT).withPoll(POLL)
                        .withRetryPause(RETRY_PAUSE));
        this.view = view;
        this.topics = List.copyOf(topics);
        this.events = events;
    }

    /** Early, so the initial read overlaps the rest of the start; stopped after the web server. */
    @Override
    protected LogTail<String, Object> follow() {
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        return follower.follow(this::apply, read -> {
            view.markCaughtUp();
            log.info("site view caught up in {} ms: {} outputs ({}), {} unreadable records skipped",
                    read.millis(), view.size(), sizes(), skippedRecords);
        });
    }

    /**
     * Blocks until the initial read reached the end offsets seen at start, logging progress; returns
     * early only if the reader is stopped.
     */
    public void awaitCaughtUp() {
        LogTail<String, Object> current = tail();
        if (current == null) {
            log.info("the site view reader stopped before the initial read finished");
            return;
        }
        while (true) {
            try {
                current.caughtUp().get(PROGRESS_LOG_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                log.info("still reading the rendered topics ({} outputs so far); records left per partition: {}",
                        view.size(), current.behind());
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
        LogTail<String, Object> current = tail();
        return current == null ? Map.of() : current.positions();
    }

    /** Records skipped because they could not be read, since start. */
    public long skippedRecords() {
        return skippedRecords;
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
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
