package org.reportplatform.render.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.reportplatform.render.RenderProperties;
import org.reportplatform.render.site.Causes;
import org.reportplatform.render.site.OutputId;
import org.reportplatform.render.site.Rendition;
import org.reportplatform.render.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one thread that renders and publishes pages. Source events only mark outputs dirty and
 * {@link #signal()} it. An event that comes after a quiet moment is rendered at once; events that
 * follow it closely (a burst) are coalesced: once the source topics have been quiet for
 * {@code quietWindow} (or {@code maxDelay} after the first pending event, under a steady stream)
 * it renders every dirty page once from the latest state, publishing each as soon as it is
 * rendered (chapter pages first) if its bytes changed, deleting those that no longer exist,
 * skipping the rest. Documents (the PDF) have a worker of their own ({@link DocumentWorker}).
 * Full rebuilds (start-up, operators) run on the same thread,
 * so two renders never race and an output's records reach its partition in order.
 *
 * <p>If Kafka does not acknowledge a flush, its outputs become dirty again (causes kept) and are
 * retried after {@code retryBackoff}.
 */
public final class RebuildWorker extends CoalescingWorker {

    private static final Logger log = LoggerFactory.getLogger(RebuildWorker.class);

    private final Site site;
    private final PublishedOutputs published;
    private final OutputPublisher publisher;
    private final RenderProperties properties;
    private final OutputOutcomes outcomes;
    private final Counter coalescedCounter;
    private final Timer flushTimer;
    private final Timer fullTimer;
    private final EditToLive editToLive;
    private final RebuildProgress progress;

    // Guarded by the worker's lock (see CoalescingWorker).
    private boolean pending;
    private boolean leading;
    private long firstPendingNanos;
    private long lastSignalNanos;

    public RebuildWorker(Site site, PublishedOutputs published, OutputPublisher publisher, RenderProperties properties,
            MeterRegistry meters, EditToLive editToLive, RebuildProgress progress) {
        super("render-worker", "publishing", new FixedBackOff(properties.retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
        this.site = site;
        this.editToLive = editToLive;
        this.progress = progress;
        this.published = published;
        this.publisher = publisher;
        this.properties = properties;
        this.outcomes = OutputOutcomes.of(meters);
        this.flushTimer = flushTimer(meters, "incremental");
        this.fullTimer = flushTimer(meters, "full");
        this.coalescedCounter = Counter.builder("report.render.events.coalesced")
                .description("Source events that joined a flush already pending (rendered together with the events before them)")
                .register(meters);
        this.lastSignalNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    }

    private static Timer flushTimer(MeterRegistry meters, String kind) {
        return Timer.builder("report.render.flush")
                .description("Rendering and publishing pages: one batch of dirty pages (incremental), or all of them (full)")
                .tag("kind", kind)
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Pages already dirty when the worker starts (after the start-up replay and first full render) are flushed at once. */
    @Override
    protected void onStart(long now) {
        if (site.hasDirty()) {
            markPending(now);
        }
    }

    @Override
    protected void onSignal(long now) {
        if (pending) {
            coalescedCounter.increment();
        }
        markPending(now);
    }

    private void markPending(long now) {
        if (!pending) {
            pending = true;
            firstPendingNanos = now;
            // The first event after a quiet moment is rendered at once (an edit waits for nothing);
            // those that follow it closely are coalesced until the topics are quiet again.
            leading = now - lastSignalNanos >= properties.quietWindow().toNanos();
        }
        lastSignalNanos = now;
    }

    @Override
    protected long nanosUntilDue(long now) {
        if (!pending || leading) {
            return pending ? 0 : IDLE;
        }
        long quiet = lastSignalNanos + properties.quietWindow().toNanos() - now;
        long max = firstPendingNanos + properties.maxDelay().toNanos() - now;
        return Math.max(0, Math.min(quiet, max));
    }

    @Override
    protected void onTaken() {
        pending = false;
    }

    /** After a failed flush: due at once (as if pending for {@code maxDelay}). */
    @Override
    protected void onRetry(long now) {
        markPending(now - properties.maxDelay().toNanos());
    }

    @Override
    protected RebuildSummary work(boolean full) {
        if (!full) {
            return timed(flushTimer, this::flush);
        }
        RebuildSummary summary = rebuildAll();
        log.info("full rebuild: {}", summary);
        return summary;
    }

    /**
     * Renders every output (and every published one that no longer exists) and publishes what
     * changed. Runs on the caller's thread: only before {@link #start()} or on the worker thread.
     *
     * @throws PublishFailedException when Kafka did not acknowledge every output (those are dirty again)
     */
    public RebuildSummary rebuildAll() {
        return timed(fullTimer, () -> {
            Batch batch = new Batch(true);
            site.renderAll(published.publishedPages(), progress::plan, rendition -> {
                batch.offer(rendition);
                progress.advance();
            });
            return batch.finish();
        });
    }

    private RebuildSummary timed(Timer timer, Supplier<RebuildSummary> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Renders the dirty pages, sending each changed one as soon as it is rendered, then waits for Kafka. */
    private RebuildSummary flush() {
        Batch batch = new Batch(false);
        site.renderDirty(batch::offer);
        return batch.finish();
    }

    /**
     * Freshly rendered outputs on their way to Kafka: an output whose bytes equal what is published
     * is skipped, a changed one is sent at once (the next one renders while Kafka acknowledges),
     * one that no longer exists is tombstoned. {@code explain} adds causes from revision
     * differences (an output rebuilt without a live event: start-up, rebuild).
     */
    private final class Batch {
        private final boolean explain;
        private final List<OutputPublisher.Pending> pending = new ArrayList<>();
        private int rendered;
        private int unchanged;

        Batch(boolean explain) {
            this.explain = explain;
        }

        void offer(Rendition r) {
            rendered++;
            Optional<PublishedOutputs.Published> before = published.get(r.id());
            if (r.exists() && before.isPresent() && before.get().sha256().equals(r.sha256())) {
                unchanged++;
                return;
            }
            if (!r.exists() && before.isEmpty()) {
                return;
            }
            Causes causes = r.causes();
            if (explain) {
                Map<String, Long> was = before.map(PublishedOutputs.Published::sourceRevisions).orElse(Map.of());
                causes = causes.merge(site.changesBetween(was, r.sourceRevisions()));
            }
            pending.add(publisher.send(new OutputPublisher.Outgoing(r, causes)));
        }

        RebuildSummary finish() {
            int deleted = 0;
            int changed = 0;
            outcomes.unchanged().increment(unchanged);
            if (!pending.isEmpty()) {
                OutputPublisher.Result result = publisher.await(pending);
                for (OutputPublisher.Outgoing out : result.acknowledged()) {
                    published.update(out.rendition());
                    if (out.rendition().exists()) {
                        if (!explain) {
                            editToLive.page(out.causes());
                        }
                        changed++;
                    } else {
                        deleted++;
                    }
                }
                outcomes.published().increment(changed);
                outcomes.deleted().increment(deleted);
                if (!result.failed().isEmpty()) {
                    Map<OutputId, Causes> retry = new TreeMap<>();
                    result.failed().forEach(o -> retry.merge(o.rendition().id(), o.causes(), Causes::merge));
                    site.requeue(retry);
                    throw new PublishFailedException(result.failed().size() + " of " + pending.size()
                            + " outputs were not acknowledged by Kafka: " + result.error(), result.error());
                }
                log.debug("published {} output(s), deleted {}, {} unchanged", changed, deleted, unchanged);
            }
            return new RebuildSummary(rendered, changed, unchanged, deleted);
        }
    }
}
