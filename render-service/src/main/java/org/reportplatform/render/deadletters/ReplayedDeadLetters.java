package org.reportplatform.render.deadletters;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.platform.log.FollowerSettings;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.schemas.DeadLetterReplayed;
import org.reportplatform.schemas.Topics;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Which dead letters were replayed, kept on the compacted topic {@code Topics.REPLAYED_DEAD_LETTERS}
 * (key: the dead letter's id): it survives restarts and is the same for a standby taking over,
 * without a database. Read once, on first use; then each replay is added once Kafka acknowledged it.
 */
public final class ReplayedDeadLetters {

    private final LogFollower<String, Object> log;
    private final KafkaTemplate<String, SpecificRecord> template;
    private final Duration timeout;
    private Set<String> replayed;

    public ReplayedDeadLetters(LogFollower<String, Object> log, KafkaTemplate<String, SpecificRecord> template, Duration timeout) {
        this.log = log;
        this.template = template;
        this.timeout = timeout;
    }

    /** The topic of replayed dead letters, each read of it within {@code readTimeout}. */
    public static LogFollower<String, Object> log(ConsumerFactory<String, Object> consumers, Duration readTimeout) {
        return new LogFollower<>(consumers, List.of(Topics.REPLAYED_DEAD_LETTERS.name()),
                FollowerSettings.named("render-replayed-dead-letters").withReadTimeout(readTimeout));
    }

    public synchronized boolean contains(String id) {
        return loaded().contains(id);
    }

    public synchronized Set<String> all() {
        return Set.copyOf(loaded());
    }

    /** Records the replay; returns once Kafka acknowledged it. */
    public synchronized void add(DeadLetterReplayed replay) {
        try {
            template.send(Topics.REPLAYED_DEAD_LETTERS.name(), replay.getDeadLetterId(), replay).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording the replay", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the replay of " + replay.getDeadLetterId() + ": "
                    + (e.getCause() == null ? e : e.getCause()), e);
        }
        loaded().add(replay.getDeadLetterId());
    }

    private Set<String> loaded() {
        if (replayed == null) {
            Set<String> ids = new HashSet<>();
            log.readToEnd(record -> {
                if (record.value() != null) {
                    ids.add(record.key());
                } else {
                    ids.remove(record.key());
                }
            });
            replayed = ids;
        }
        return replayed;
    }
}
