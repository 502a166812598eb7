package org.reportplatform.content.references;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reportplatform.platform.log.FollowerSettings;
import org.reportplatform.platform.log.FollowingLifecycle;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.platform.log.LogTail;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Keeps {@link KnownReferences} up to date: a {@link LogFollower} of report.indicators.v1 and
 * report.datasets.v1 reads them from the beginning (committed records only) and keeps tailing
 * them on a thread of its own. No consumer group, no committed offsets: like the chapters'
 * replay, the view is rebuilt from the log at every start.
 *
 * <p>Start waits (a bounded time) until the view has caught up with the topics' ends, so the
 * first PUT after a restart is already checked against every figure; if that takes too long the
 * service starts anyway and warnings are only incomplete for a while.
 */
public class ReferenceTail extends FollowingLifecycle<String, Object> {

    private static final Logger log = LoggerFactory.getLogger(ReferenceTail.class);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final List<String> TOPICS = List.of(Topics.INDICATORS.name(), Topics.DATASETS.name());

    private final KnownReferences known;
    private final LogFollower<String, Object> follower;
    private final Duration startWait;

    public ReferenceTail(KnownReferences known, ConsumerFactory<String, Object> consumers, Duration startWait) {
        this.known = known;
        this.follower = new LogFollower<>(consumers, TOPICS, FollowerSettings.named("content-references")
                .withKafkaTimeout(Duration.ofSeconds(30)).withPoll(Duration.ofMillis(500)).withRetryPause(RETRY));
        this.startWait = startWait;
    }

    @Override
    protected LogTail<String, Object> follow() {
        return follower.follow(this::apply, read -> {
            known.caughtUp();
            log.info("read {} indicator and dataset events in {} ms; following them", read.records(), read.millis());
        });
    }

    @Override
    protected void started(LogTail<String, Object> tail) {
        try {
            tail.caughtUp().get(startWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("the indicators and datasets were not read within {} s; reference warnings stay incomplete until they are",
                    startWait.toSeconds());
        } catch (ExecutionException e) {
            // Stopped meanwhile.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}
