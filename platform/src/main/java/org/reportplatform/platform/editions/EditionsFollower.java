package org.reportplatform.platform.editions;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reportplatform.platform.log.FollowerSettings;
import org.reportplatform.platform.log.FollowingLifecycle;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.platform.log.LogTail;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The editions as a service that does not write them sees them (figures-service): a
 * {@link LogFollower} of report.editions.v1, read from the beginning at every start and then
 * followed, giving the same {@link Edition} view as content-service's API. A change to a closed
 * edition is refused with {@link #checkWritable}.
 *
 * <p>It follows the topic, so it learns of a change a few milliseconds after content-service
 * wrote it; start waits (a bounded time) until it has read what the topic held, so a restarted
 * service does not accept a change to an edition closed long ago. It starts after the service's
 * own logs replayed (a later lifecycle phase), so {@code onChange} may write to them.
 *
 * <p>Editions known only from their chapters have no event: they are published, never closed,
 * so this view does not need the chapters.
 */
public class EditionsFollower extends FollowingLifecycle<String, Object> {

    private static final Logger log = LoggerFactory.getLogger(EditionsFollower.class);

    private final Map<String, Edition> editions = new ConcurrentHashMap<>();
    private final LogFollower<String, Object> follower;
    private final Consumer<EditionChanged> onChange;
    private final Duration startWait;

    /**
     * @param onChange runs on the follower's thread after each edition event is applied, the
     *                 initial read included (so it sees every event again at each start)
     */
    public EditionsFollower(ConsumerFactory<String, Object> consumers, String clientId, Consumer<EditionChanged> onChange,
            Duration startWait) {
        this.follower = new LogFollower<>(consumers, List.of(Topics.EDITIONS.name()), FollowerSettings.named(clientId)
                .withKafkaTimeout(Duration.ofSeconds(30)).withPoll(Duration.ofMillis(200)).withRetryPause(Duration.ofSeconds(5)));
        this.onChange = onChange;
        this.startWait = startWait;
    }

    /** The edition as its last event left it; empty if it has none (or was deleted). */
    public Optional<Edition> edition(String edition) {
        return Optional.ofNullable(editions.get(edition));
    }

    /** Every edition that has an event, newest first. */
    public List<Edition> all() {
        return editions.values().stream().sorted(Comparator.comparing(Edition::edition).reversed()).toList();
    }

    /** 409 if the edition is closed (see {@link ClosedEditions}). */
    public void checkWritable(String edition) {
        ClosedEditions.checkWritable(edition, edition(edition));
    }

    /** Applies one event, as the follower does; public for tests that feed events without a broker. */
    public void apply(EditionChanged event) {
        if (event.getState() == null) {
            editions.remove(event.getEdition());
        } else {
            editions.put(event.getEdition(), Edition.of(event));
        }
        try {
            onChange.accept(event);
        } catch (RuntimeException e) {
            log.error("what follows from edition {} revision {} failed; it is tried again at the next start", event.getEdition(),
                    event.getRevision(), e);
        }
    }

    @Override
    protected LogTail<String, Object> follow() {
        return follower.follow(this::applyRecord, read -> log.info("read {} edition events in {} ms; following them", read.records(),
                read.millis()));
    }

    @Override
    protected void started(LogTail<String, Object> tail) {
        try {
            tail.caughtUp().get(startWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("the editions were not read within {} s; closed editions are refused once they are", startWait.toSeconds());
        } catch (ExecutionException e) {
            // Stopped meanwhile.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * After the service's own logs replayed (phase 0) and its instances elected their writer
     * (WriterLeadership, phase 10): what follows from an edition may write to them.
     */
    @Override
    public int getPhase() {
        return 20;
    }

    private void applyRecord(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof EditionChanged event) {
            apply(event);
        } else {
            log.warn("skipped an unreadable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
        }
    }
}
