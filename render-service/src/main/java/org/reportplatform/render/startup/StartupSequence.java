package org.reportplatform.render.startup;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reportplatform.platform.log.FollowerSettings;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.platform.log.Retrying;
import org.reportplatform.render.RenderProperties;
import org.reportplatform.render.accessibility.AccessibilityReview;
import org.reportplatform.render.drafts.DraftPreviews;
import org.reportplatform.render.publishing.DocumentWorker;
import org.reportplatform.render.publishing.PublishedOutputs;
import org.reportplatform.render.publishing.RebuildSummary;
import org.reportplatform.render.publishing.RebuildWorker;
import org.reportplatform.render.sharing.OwnershipGroup;
import org.reportplatform.render.site.Site;
import org.reportplatform.render.sources.InvalidEventException;
import org.reportplatform.render.sources.SourceEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryException;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Brings the view back from the log before the service takes traffic. Runs as an
 * {@link ApplicationRunner}: the web server is up (liveness answers), but Spring Boot reports
 * readiness REFUSING_TRAFFIC until every runner has returned, and only then ACCEPTING_TRAFFIC.
 *
 * <ol>
 *   <li>read {@code report.pages.v1}, {@code report.documents.v1}, {@code report.previews.v1} and
 *       {@code report.accessibility.v1} to their end: the SHA-256 of every output already
 *       published, the accessibility findings already published;</li>
 *   <li>replay the three source topics from the beginning to their current end into the state;</li>
 *   <li>when instances share the outputs, join the ownership group: from then on this instance
 *       renders only the outputs of the partitions it is assigned (alone, it renders all);</li>
 *   <li>render every page once, publish those whose bytes differ from what is published, and
 *       tombstone published pages that no longer exist: a restart republishes nothing else;
 *       mark every document dirty: the document worker renders them as soon as it runs, and
 *       publishes only those that differ; check every chapter's and translation's text for
 *       accessibility and publish the findings that differ;</li>
 *   <li>start the render worker, the drafts' preview workers (once the drafts topic is read: every
 *       open draft's previews are rendered, those of drafts closed meanwhile deleted) and the source
 *       listener, which resumes from the group's committed offsets (records the replay already
 *       applied are stale and change nothing);</li>
 *   <li>wait until the document worker has published those documents (the PDF): a ready render
 *       service has published every output of the log as it stood when it started, so a reader
 *       never gets a half-built report from a platform that said it was ready.</li>
 * </ol>
 * Kafka being unreachable is retried until {@code report.render.startup-timeout}; then start-up fails.
 */
public final class StartupSequence implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);
    private static final Retrying.Pauses PAUSES = new Retrying.Pauses(Duration.ofMillis(500), 2, Duration.ofSeconds(5));

    private final LogFollower<String, Object> publishedLog;
    private final LogFollower<String, Object> sourceLog;
    private final PublishedOutputs published;
    private final Site site;
    private final RebuildWorker worker;
    private final DocumentWorker documents;
    private final MessageListenerContainer sourceListener;
    private final DraftPreviews drafts;
    private final AccessibilityReview accessibility;
    private final OwnershipGroup ownershipGroup;
    private final ApplicationEventPublisher events;
    private final RenderProperties properties;

    public StartupSequence(LogFollower<String, Object> publishedLog, LogFollower<String, Object> sourceLog,
            PublishedOutputs published, Site site, RebuildWorker worker, DocumentWorker documents, MessageListenerContainer sourceListener,
            DraftPreviews drafts, AccessibilityReview accessibility, OwnershipGroup ownershipGroup, ApplicationEventPublisher events,
            RenderProperties properties) {
        this.drafts = drafts;
        this.ownershipGroup = ownershipGroup;
        this.accessibility = accessibility;
        this.publishedLog = publishedLog;
        this.sourceLog = sourceLog;
        this.published = published;
        this.site = site;
        this.worker = worker;
        this.documents = documents;
        this.sourceListener = sourceListener;
        this.events = events;
        this.properties = properties;
    }

    /**
     * How the start-up reads the log: each read within {@code report.render.startup-timeout}, in
     * large polls (a replay is throughput, not latency).
     */
    public static FollowerSettings readSettings(String purpose, RenderProperties properties) {
        return FollowerSettings.named("render-" + purpose).withReadTimeout(properties.startupTimeout())
                .withConsumerProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    }

    @Override
    public void run(ApplicationArguments args) {
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        long started = System.nanoTime();
        long pages = retrying("read " + String.join(" and ", publishedLog.topics()), () -> {
            published.clear();
            accessibility.clear();
            return publishedLog.readToEnd(record -> {
                if (accessibility.reads(record.topic())) {
                    accessibility.load(record);
                } else {
                    published.load(record);
                }
            }).records();
        });
        long[] skipped = {0};
        long sources = retrying("replay the source topics", () -> {
            skipped[0] = 0;
            return sourceLog.readToEnd(record -> {
                if (!replay(record)) {
                    skipped[0]++;
                }
            }).records();
        });
        ownershipGroup.join(properties.startupTimeout());
        RebuildSummary summary = retrying("render and publish the site", worker::rebuildAll);
        site.markAllDocumentsDirty(published.publishedDocuments());
        retrying("check the texts' accessibility", () -> {
            accessibility.reviewAll(site);
            return null;
        });
        worker.start();
        documents.start();
        // Before the listener: a source event from now on re-renders the drafts it concerns.
        drafts.start(published.publishedPreviews(), properties.startupTimeout());
        sourceListener.start();
        RebuildSummary documentSummary = firstDocuments();
        log.info("ready in {} ms: {} published record(s) read, {} source event(s) replayed ({} skipped), {} page(s) rendered: "
                        + "{} published, {} unchanged, {} deleted; {} document(s) rendered: {} published, {} unchanged",
                (System.nanoTime() - started) / 1_000_000, pages, sources, skipped[0], summary.rendered(),
                summary.published(), summary.unchanged(), summary.deleted(), documentSummary.rendered(),
                documentSummary.published(), documentSummary.unchanged());
    }

    /** Waits for the document worker's first pass (it retries a failed publication itself) until the start-up timeout. */
    private RebuildSummary firstDocuments() {
        try {
            return documents.firstDocumentsPublished().get(properties.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the documents were not published within " + properties.startupTimeout(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing the documents failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during start-up", e);
        }
    }

    /** Applies one replayed record; a record that cannot be read or applied is skipped (the listener dead-letters it). */
    private boolean replay(ConsumerRecord<String, Object> record) {
        if (record.value() == null) {
            log.warn("replay skips the unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset());
            return false;
        }
        try {
            site.replay(SourceEvents.decode(record.topic(), record.key(), record.value()));
            return true;
        } catch (InvalidEventException e) {
            log.warn("replay skips the invalid event {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return false;
        }
    }

    private <T> T retrying(String what, Supplier<T> step) {
        try {
            return Retrying.until(properties.startupTimeout(), PAUSES, () -> true,
                    (failure, pause) -> log.warn("could not {} yet, retrying in {}: {}", what, pause, failure.toString()), step);
        } catch (RetryException e) {
            RuntimeException last = Retrying.lastFailure(e);
            throw new IllegalStateException("could not " + what + " within " + properties.startupTimeout() + ": " + last.getMessage(), last);
        }
    }
}
