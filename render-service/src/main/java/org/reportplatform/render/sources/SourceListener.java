package org.reportplatform.render.sources;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reportplatform.render.publishing.DocumentWorker;
import org.reportplatform.render.publishing.RebuildWorker;
import org.reportplatform.render.site.Site;
import org.springframework.kafka.listener.MessageListener;

/**
 * Applies the live events of the source topics to the site and wakes the render workers (pages,
 * documents).
 *
 * <p>Runs in a listener container made by Boot's container factory (so it has the platform's
 * consumer settings and the {@link DeadLetters} error handler), started by the start-up
 * sequence once the replay is done. The container resumes from the consumer group's committed
 * offsets: the group's lag tells operators how far behind the service is, and a record is
 * dead-lettered once, not at every restart. Events the replay already applied are stale here and
 * dirty nothing. A record that cannot be decoded or breaks the contract goes to
 * {@code <topic>.DLT}.
 */
public final class SourceListener implements MessageListener<String, Object> {

    private final Site site;
    private final RebuildWorker worker;
    private final DocumentWorker documents;
    private final Counter applied;
    private final Counter stale;

    public SourceListener(Site site, RebuildWorker worker, DocumentWorker documents, MeterRegistry meters) {
        this.site = site;
        this.worker = worker;
        this.documents = documents;
        this.applied = Counter.builder("report.render.events").tag("outcome", "applied")
                .description("Source events consumed live, by outcome").register(meters);
        this.stale = Counter.builder("report.render.events").tag("outcome", "ignored")
                .description("Source events consumed live, by outcome").register(meters);
    }

    @Override
    public void onMessage(ConsumerRecord<String, Object> record) {
        SourceEvent event = SourceEvents.decode(record.topic(), record.key(), record.value());
        if (site.apply(event)) {
            applied.increment();
            worker.signal();
            documents.signal();
        } else {
            stale.increment();
        }
    }
}
