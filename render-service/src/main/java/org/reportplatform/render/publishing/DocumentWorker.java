package org.reportplatform.render.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.reportplatform.render.RenderProperties;
import org.reportplatform.render.site.Causes;
import org.reportplatform.render.site.Rendition;
import org.reportplatform.render.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that renders and publishes documents (the report PDF), off the page path: a PDF takes
 * hundreds of milliseconds, pages a few, and pages never wait for it. It runs at a low CPU
 * priority ({@code document-niceness}), so it does not take a core a page needs either.
 *
 * <p>Any change of an edition dirties its PDF. The worker renders a dirty document when its pacing
 * allows ({@link PacedDocumentWorker}: after a quiet moment, at most once per
 * {@code document-window}, never more than half of a core): a burst of edits, however long, costs
 * one render per window. The render reads a snapshot of the edition taken when it
 * starts; changes that arrive meanwhile dirty the document again. A document whose bytes equal what
 * is published is not published again; if Kafka does not acknowledge it, it is dirty again and
 * retried after {@code retry-backoff}.
 */
public final class DocumentWorker extends PacedDocumentWorker {

    private static final Logger log = LoggerFactory.getLogger(DocumentWorker.class);

    private final Site site;
    private final PublishedOutputs published;
    private final OutputPublisher publisher;
    private final OutputOutcomes outcomes;
    private final Timer renderTimer;
    private final EditToLive editToLive;
    private final RebuildProgress progress;

    private final CompletableFuture<RebuildSummary> firstPass = new CompletableFuture<>();

    public DocumentWorker(Site site, PublishedOutputs published, OutputPublisher publisher, RenderProperties properties,
            MeterRegistry meters, EditToLive editToLive, RebuildProgress progress) {
        super("document-worker", "publishing a document", properties);
        this.site = site;
        this.editToLive = editToLive;
        this.progress = progress;
        this.published = published;
        this.publisher = publisher;
        this.outcomes = OutputOutcomes.of(meters);
        this.renderTimer = Timer.builder("report.render.document")
                .description("Rendering and publishing one document (the report PDF)")
                .register(meters);
    }

    @Override
    protected RebuildSummary work(boolean full) {
        if (full) {
            progress.plan(site.markAllDocumentsDirty(published.publishedDocuments()));
        }
        // The start-up's first round renders every document too: readiness waits for them.
        boolean all = full || !firstPass.isDone();
        RebuildSummary summary = renderDirtyDocuments(all, full);
        if (!all && site.hasDirtyDocuments()) {
            // The next document waits for its own paced round.
            signal();
        }
        firstPass.complete(summary);
        if (full) {
            log.info("documents rebuilt: {}", summary);
        }
        return summary;
    }

    /**
     * Completes once the documents dirty at {@link #start()} (the start-up's: every document of the
     * replayed log) are published, or found unchanged: the render service is ready only then.
     */
    public CompletableFuture<RebuildSummary> firstDocumentsPublished() {
        return firstPass.copy();
    }

    /**
     * Renders dirty documents and publishes those whose bytes changed: every one when {@code all},
     * else one per round. An edit dirties the edition's PDF in each of its languages;
     * rendering them back to back took a core for seconds under a stream of edits and slowed the
     * edits' own pages (edit-to-live p50 +32 % with three languages), while one per round keeps the
     * PDFs' share of the CPU what it is with one language. The source language's comes first.
     */
    private RebuildSummary renderDirtyDocuments(boolean all, boolean fullRebuild) {
        int rendered = 0;
        int changed = 0;
        int unchanged = 0;
        int deleted = 0;
        Optional<Site.DocumentJob> next;
        while ((all || rendered == 0) && (next = site.takeDirtyDocument()).isPresent()) {
            Site.DocumentJob job = next.get();
            long started = System.nanoTime();
            renderStarted(started);
            try {
                Optional<Rendition> result = site.renderDocument(job);
                if (result.isEmpty()) {
                    continue;
                }
                rendered++;
                Rendition r = result.get();
                Optional<PublishedOutputs.Published> before = published.get(r.id());
                if (r.exists() && before.isPresent() && before.get().sha256().equals(r.sha256())) {
                    unchanged++;
                    outcomes.unchanged().increment();
                    log.debug("{} rendered in {} ms: unchanged", r.path(), (System.nanoTime() - started) / 1_000_000);
                    continue;
                }
                if (!r.exists() && before.isEmpty()) {
                    continue;
                }
                Map<String, Long> was = before.map(PublishedOutputs.Published::sourceRevisions).orElse(Map.of());
                Causes causes = r.causes().merge(Site.changesBetween(was, r.sourceRevisions(), job.snapshot()));
                OutputPublisher.Result sent = publisher.publish(List.of(new OutputPublisher.Outgoing(r, causes)));
                if (!sent.disowned().isEmpty()) {
                    // Its partition went to another instance during the render: that one renders it.
                    log.info("{} rendered but not published: another instance owns it now", r.path());
                    continue;
                }
                if (!sent.failed().isEmpty() && sent.error() instanceof RecordTooLargeException) {
                    // Retrying would fail the same way until the sources change: wait for that.
                    log.error("{} ({} bytes) is larger than {} accepts: it is not published", r.path(), r.content().length,
                            r.id().topic().name(), sent.error());
                    continue;
                }
                if (!sent.failed().isEmpty()) {
                    site.requeue(Map.of(r.id(), causes));
                    throw new PublishFailedException(r.path() + " was not acknowledged by Kafka: " + sent.error(),
                            sent.error());
                }
                published.update(r);
                if (r.exists()) {
                    editToLive.document(r.causes());
                    changed++;
                    outcomes.published().increment();
                } else {
                    deleted++;
                    outcomes.deleted().increment();
                }
                log.info("{} {} in {} ms ({} bytes)", r.path(), r.exists() ? "published" : "deleted",
                        (System.nanoTime() - started) / 1_000_000, r.exists() ? r.content().length : 0);
            } finally {
                if (fullRebuild) {
                    progress.advance();
                }
                long ended = System.nanoTime();
                renderTimer.record(ended - started, TimeUnit.NANOSECONDS);
                renderEnded(started, ended);
            }
        }
        return new RebuildSummary(rendered, changed, unchanged, deleted);
    }
}
