package org.reportplatform.render.deadletters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.reportplatform.render.publishing.SourceListener;
import org.reportplatform.render.sources.InvalidEventException;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.DeadLetterReplayed;
import org.reportplatform.schemas.Topic;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators do with dead letters: list them, and replay one once its cause is fixed.
 *
 * <p>A replay re-processes the record's bytes as they are in the dead-letter topic (the original
 * bytes of an undecodable record; the event itself otherwise) with the running code and schemas,
 * exactly as the live listener would: decode, validate, apply, rebuild the pages it dirties. If
 * that still fails, nothing changes and the operator sees the error; if it works, the replay is
 * recorded ({@link ReplayedDeadLetters}) and the dead letter cannot be replayed again. Replays run
 * one at a time.
 */
public final class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);
    public static final int LIST_LIMIT = 100;

    private final DeadLetterReader reader;
    private final ReplayedDeadLetters replayed;
    private final SourceListener listener;
    private final Clock clock;
    private final Supplier<String> traceparent;
    private final MeterRegistry meters;
    private final AvroDeserializer deserializer = new AvroDeserializer();
    private final ReentrantLock replays = new ReentrantLock();

    public DeadLetterService(DeadLetterReader reader, ReplayedDeadLetters replayed, SourceListener listener, Clock clock,
            Supplier<String> traceparent, MeterRegistry meters) {
        this.reader = reader;
        this.replayed = replayed;
        this.listener = listener;
        this.clock = clock;
        this.traceparent = traceparent;
        this.meters = meters;
    }

    /** The newest dead letters of the source topics, newest first, at most {@link #LIST_LIMIT}. */
    public List<DeadLetter> newest() {
        Set<String> done = replayed.all();
        List<String> topics = Topics.SOURCES.stream().map(Topic::deadLetterTopic).toList();
        return reader.newest(topics, LIST_LIMIT).stream()
                .map(record -> DeadLetter.of(record, done.contains(new DeadLetterId(record.topic(), record.partition(), record.offset()).toString())))
                .toList();
    }

    /** What became of a replay. */
    public sealed interface Outcome {
        /** It applied; {@code stateChanged} false when a newer revision of the same source was already applied. */
        record Applied(DeadLetter deadLetter, boolean stateChanged) implements Outcome {
        }

        /** It still fails: the error, as the live listener would have met it. */
        record StillFailing(DeadLetter deadLetter, String error) implements Outcome {
        }

        record Unknown() implements Outcome {
        }

        record AlreadyReplayed(DeadLetter deadLetter) implements Outcome {
        }
    }

    public Outcome replay(String rawId, String actor) {
        var parsed = DeadLetterId.parse(rawId);
        if (parsed.isEmpty()) {
            return new Outcome.Unknown();
        }
        DeadLetterId id = parsed.get();
        replays.lock();
        try {
            var record = reader.read(id);
            if (record.isEmpty()) {
                return new Outcome.Unknown();
            }
            DeadLetter letter = DeadLetter.of(record.get(), replayed.contains(id.toString()));
            if (letter.replayed()) {
                return new Outcome.AlreadyReplayed(letter);
            }
            boolean changed;
            try {
                changed = process(letter, record.get());
            } catch (SerializationException | InvalidEventException e) {
                count("failed");
                log.warn("replay of dead letter {} failed again: {}", id, e.getMessage());
                return new Outcome.StillFailing(letter, e.getMessage());
            }
            replayed.add(DeadLetterReplayed.newBuilder()
                    .setDeadLetterId(id.toString())
                    .setOriginalTopic(letter.originalTopic())
                    .setOriginalPartition(letter.originalPartition() == null ? id.partition() : letter.originalPartition())
                    .setOriginalOffset(letter.originalOffset() == null ? -1 : letter.originalOffset())
                    .setReplayedAt(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                    .setActor(actor)
                    .setTraceparent(traceparent.get())
                    .build());
            count("applied");
            log.info("dead letter {} replayed by {}: applied{}", id, actor, changed ? "" : " (stale: a newer revision was already applied)");
            return new Outcome.Applied(letter.markedReplayed(), changed);
        } finally {
            replays.unlock();
        }
    }

    private boolean process(DeadLetter letter, ConsumerRecord<byte[], byte[]> record) {
        String topic = letter.originalTopic();
        if (topic == null || Topics.SOURCES.stream().noneMatch(t -> t.name().equals(topic))) {
            throw new InvalidEventException("the dead letter names no source topic as its origin (" + topic + ")");
        }
        Object value = record.value() == null ? null : deserializer.deserialize(topic, record.value());
        return listener.process(topic, letter.key(), value);
    }

    private void count(String outcome) {
        Counter.builder("report.render.dead.letters.replays")
                .description("Operators' replays of dead letters, by outcome (applied, failed)")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
