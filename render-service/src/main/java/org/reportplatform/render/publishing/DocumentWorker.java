package org.reportplatform.render.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.reportplatform.render.RenderProperties;
import org.reportplatform.render.site.Causes;
import org.reportplatform.render.site.Rendition;
import org.reportplatform.render.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The thread that renders and publishes documents (the report PDF), off the page path: a PDF takes
 * hundreds of milliseconds, pages a few, and pages never wait for it. It runs at a low CPU
 * priority ({@code document-niceness}), so it does not take a core a page needs either.
 *
 * <p>Any change of an edition dirties its PDF. The worker renders a dirty document once the source
 * topics have been quiet for {@code document-quiet-window} (or {@code document-window} after the
 * first pending change, under a steady stream), and at most once per {@code document-window}: a
 * burst of edits, however long, costs one render per window. When renders get long (a very large
 * report), it also leaves at least the last render's duration between two renders, so documents
 * never take more than half of a core. The render reads a snapshot of the edition taken when it
 * starts; changes that arrive meanwhile dirty the document again. A document whose bytes equal what
 * is published is not published again; if Kafka does not acknowledge it, it is dirty again and
 * retried after {@code retry-backoff}.
 */
public final class DocumentWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentWorker.class);

    private final Site site;
    private final PublishedOutputs published;
    private final OutputPublisher publisher;
    private final RenderProperties properties;
    private final Counter publishedCounter;
    private final Counter unchangedCounter;
    private final Counter deletedCounter;
    private final Timer renderTimer;
    private final EditToLive editToLive;
    private final RebuildProgress progress;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final List<CompletableFuture<RebuildSummary>> fullRebuilds = new ArrayList<>();
    private final CompletableFuture<RebuildSummary> firstPass = new CompletableFuture<>();
    private long firstSignalNanos;
    private long lastSignalNanos;
    private boolean signalled;
    private long lastStartNanos;
    private long lastDurationNanos;
    private long lastEndNanos;
    private volatile boolean running;
    private volatile Thread thread;

    public DocumentWorker(Site site, PublishedOutputs published, OutputPublisher publisher, RenderProperties properties,
            MeterRegistry meters, EditToLive editToLive, RebuildProgress progress) {
        this.site = site;
        this.editToLive = editToLive;
        this.progress = progress;
        this.published = published;
        this.publisher = publisher;
        this.properties = properties;
        this.publishedCounter = outcome(meters, "published");
        this.unchangedCounter = outcome(meters, "unchanged");
        this.deletedCounter = outcome(meters, "deleted");
        this.renderTimer = Timer.builder("report.render.document")
                .description("Rendering and publishing one document (the report PDF)")
                .register(meters);
        long longAgo = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
        this.lastStartNanos = longAgo;
        this.lastEndNanos = longAgo;
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("report.render.outputs")
                .description("Outputs rendered, by what became of them")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Starts the worker; documents already dirty (the start-up render) are rendered right away. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lock.lock();
        try {
            long now = System.nanoTime();
            firstSignalNanos = now - properties.documentWindow().toNanos();
            lastSignalNanos = firstSignalNanos;
            signalled = true;
        } finally {
            lock.unlock();
        }
        thread = new Thread(this::loop, "document-worker");
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Completes once the documents dirty at {@link #start()} (the start-up's: every document of the
     * replayed log) are published, or found unchanged: the render service is ready only then.
     */
    public CompletableFuture<RebuildSummary> firstDocumentsPublished() {
        return firstPass.copy();
    }

    /** Sources changed (documents may be dirty): render once the window allows. */
    public void signal() {
        lock.lock();
        try {
            long now = System.nanoTime();
            if (!signalled) {
                signalled = true;
                firstSignalNanos = now;
            }
            lastSignalNanos = now;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Re-renders every document now (an operator's rebuild); completes once published. */
    public CompletableFuture<RebuildSummary> requestFullRebuild() {
        CompletableFuture<RebuildSummary> result = new CompletableFuture<>();
        lock.lock();
        try {
            if (!running) {
                result.completeExceptionally(new IllegalStateException("the document worker is not running"));
                return result;
            }
            fullRebuilds.add(result);
            wake.signal();
        } finally {
            lock.unlock();
        }
        return result;
    }

    /** Nanoseconds until a render may start (0: now), given the pending signals and the last render. */
    private long waitNanos(long now) {
        long quietAt = Math.min(lastSignalNanos + properties.documentQuietWindow().toNanos(),
                firstSignalNanos + properties.documentWindow().toNanos());
        long allowedAt = Math.max(lastStartNanos + properties.documentWindow().toNanos(), lastEndNanos + lastDurationNanos);
        return Math.max(0, Math.max(quietAt, allowedAt) - now);
    }

    private void loop() {
        LowerCpuPriority.ofThisThread(properties.documentNiceness());
        while (running) {
            List<CompletableFuture<RebuildSummary>> requests;
            lock.lock();
            try {
                while (running && fullRebuilds.isEmpty()) {
                    if (!signalled) {
                        wake.await();
                        continue;
                    }
                    long wait = waitNanos(System.nanoTime());
                    if (wait <= 0) {
                        break;
                    }
                    wake.awaitNanos(wait);
                }
                if (!running) {
                    break;
                }
                requests = new ArrayList<>(fullRebuilds);
                fullRebuilds.clear();
                signalled = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                lock.unlock();
            }
            try {
                if (!requests.isEmpty()) {
                    progress.plan(site.markAllDocumentsDirty(published.publishedDocuments()));
                }
                RebuildSummary summary = renderDirtyDocuments(!requests.isEmpty());
                firstPass.complete(summary);
                if (!requests.isEmpty()) {
                    log.info("documents rebuilt: {}", summary);
                }
                requests.forEach(r -> r.complete(summary));
            } catch (RuntimeException e) {
                requests.forEach(r -> r.completeExceptionally(e));
                log.warn("publishing a document failed, retrying in {}: {}", properties.retryBackoff(), e.getMessage());
                backOff();
            }
        }
    }

    /** Renders every dirty document once and publishes those whose bytes changed. */
    private RebuildSummary renderDirtyDocuments(boolean fullRebuild) {
        int rendered = 0;
        int changed = 0;
        int unchanged = 0;
        int deleted = 0;
        Optional<Site.DocumentJob> next;
        while ((next = site.takeDirtyDocument()).isPresent()) {
            Site.DocumentJob job = next.get();
            long started = System.nanoTime();
            lock.lock();
            try {
                lastStartNanos = started;
            } finally {
                lock.unlock();
            }
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
                    unchangedCounter.increment();
                    log.debug("{} rendered in {} ms: unchanged", r.path(), (System.nanoTime() - started) / 1_000_000);
                    continue;
                }
                if (!r.exists() && before.isEmpty()) {
                    continue;
                }
                Map<String, Long> was = before.map(PublishedOutputs.Published::sourceRevisions).orElse(Map.of());
                Causes causes = r.causes().merge(Site.changesBetween(was, r.sourceRevisions(), job.snapshot()));
                OutputPublisher.Result sent = publisher.publish(List.of(new OutputPublisher.Outgoing(r, causes)));
                if (!sent.failed().isEmpty() && sent.error() instanceof RecordTooLargeException) {
                    // Retrying would fail the same way until the sources change: wait for that.
                    log.error("{} ({} bytes) is larger than {} accepts: it is not published", r.path(), r.content().length,
                            r.id().topic().name(), sent.error());
                    continue;
                }
                if (!sent.failed().isEmpty()) {
                    site.requeue(Map.of(r.id(), causes));
                    throw new RebuildWorker.PublishFailedException(r.path() + " was not acknowledged by Kafka: " + sent.error(),
                            sent.error());
                }
                published.update(r);
                if (r.exists()) {
                    editToLive.document(r.causes());
                    changed++;
                    publishedCounter.increment();
                } else {
                    deleted++;
                    deletedCounter.increment();
                }
                log.info("{} {} in {} ms ({} bytes)", r.path(), r.exists() ? "published" : "deleted",
                        (System.nanoTime() - started) / 1_000_000, r.exists() ? r.content().length : 0);
            } finally {
                if (fullRebuild) {
                    progress.advance();
                }
                long ended = System.nanoTime();
                renderTimer.record(ended - started, TimeUnit.NANOSECONDS);
                lock.lock();
                try {
                    lastEndNanos = ended;
                    lastDurationNanos = ended - started;
                } finally {
                    lock.unlock();
                }
            }
        }
        return new RebuildSummary(rendered, changed, unchanged, deleted);
    }

    private void backOff() {
        lock.lock();
        try {
            wake.awaitNanos(properties.retryBackoff().toNanos());
            if (!signalled) {
                signalled = true;
                firstSignalNanos = System.nanoTime() - properties.documentWindow().toNanos();
                lastSignalNanos = firstSignalNanos;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        Thread worker;
        lock.lock();
        try {
            running = false;
            wake.signalAll();
            worker = thread;
            fullRebuilds.forEach(r -> r.completeExceptionally(new IllegalStateException("the render service is stopping")));
            fullRebuilds.clear();
        } finally {
            lock.unlock();
        }
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
