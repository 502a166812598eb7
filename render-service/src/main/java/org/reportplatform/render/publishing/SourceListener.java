package org.reportplatform.render.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reportplatform.render.accessibility.AccessibilityReview;
import org.reportplatform.render.drafts.DraftPreviews;
import org.reportplatform.render.site.Site;
import org.reportplatform.render.sources.InvalidEventException;
import org.reportplatform.render.sources.SourceEvent;
import org.reportplatform.render.sources.SourceEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

/**
 * Applies the live events of the source topics to the site and wakes the render workers (pages,
 * documents, and the previews of the edition's open drafts); a changed text is checked for
 * accessibility.
 *
 * <p>Runs in a listener container made by Boot's container factory (so it has the platform's
 * consumer settings and the {@link org.reportplatform.render.deadletters.DeadLetters} error handler), started by the start-up
 * sequence once the replay is done. The container resumes from the consumer group's committed
 * offsets: the group's lag tells operators how far behind the service is, and a record is
 * dead-lettered once, not at every restart. Events the replay already applied are stale here and
 * dirty nothing. A record that cannot be decoded or breaks the contract goes to
 * {@code <topic>.DLT}.
 */
public final class SourceListener implements MessageListener<String, Object> {

    private static final Logger log = LoggerFactory.getLogger(SourceListener.class);

    private final Site site;
    private final RebuildWorker worker;
    private final DocumentWorker documents;
    private final DraftPreviews drafts;
    private final AccessibilityReview accessibility;
    private final MeterRegistry meters;

    public SourceListener(Site site, RebuildWorker worker, DocumentWorker documents, DraftPreviews drafts,
            AccessibilityReview accessibility, MeterRegistry meters) {
        this.site = site;
        this.worker = worker;
        this.documents = documents;
        this.drafts = drafts;
        this.accessibility = accessibility;
        this.meters = meters;
    }

    @Override
    public void onMessage(ConsumerRecord<String, Object> record) {
        process(record.topic(), record.key(), record.value());
    }

    /**
     * Applies one source record (live, or an operator's replay of a dead letter); true if it
     * changed the state (false: stale, a newer revision is already applied).
     *
     * @throws InvalidEventException when the record breaks the topic's contract
     */
    public boolean process(String topic, String key, Object value) {
        SourceEvent event = SourceEvents.decode(topic, key, value);
        boolean applied = site.apply(event);
        // One line per event, with the trace id of the edit that caused it (log pattern / MDC).
        log.info("{} {} revision {} (event {}) on {}", applied ? "applied" : "ignored (stale)", event.ref(), event.revision(),
                event.info().eventId(), topic);
        Counter.builder("report.render.events")
                .description("Source events consumed live, by topic and outcome (ignored: stale, a newer revision is applied)")
                .tag("topic", topic)
                .tag("outcome", applied ? "applied" : "ignored")
                .register(meters)
                .increment();
        if (applied) {
            worker.signal();
            documents.signal();
            // What publishing an open draft of this edition would show changed too.
            drafts.sourcesChanged(event);
            accessibility.sourceChanged(event);
        }
        return applied;
    }
}
