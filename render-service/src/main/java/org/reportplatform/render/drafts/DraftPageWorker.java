package org.reportplatform.render.drafts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.reportplatform.render.RenderProperties;
import org.reportplatform.render.accessibility.AccessibilityReview;
import org.reportplatform.render.publishing.CoalescingWorker;
import org.reportplatform.render.publishing.PublishFailedException;
import org.reportplatform.render.publishing.RebuildSummary;
import org.reportplatform.render.site.Rendition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The thread that renders and publishes the drafts' page previews: the fast path, what the studio
 * beside the editor waits for. A draft saved is rendered at once; what changes while a round runs
 * (more saves, a burst of figure changes re-rendering an edition's drafts) waits for the next
 * round, which renders each dirty draft once, from its latest text and the latest sources.
 * Timed in {@code report.render.draft-preview{output=page}} (render and publish, one preview).
 */
public final class DraftPageWorker extends CoalescingWorker {

    private static final Logger log = LoggerFactory.getLogger(DraftPageWorker.class);

    private final OpenDrafts drafts;
    private final DraftRenderer renderer;
    private final PreviewPublication publication;
    private final AccessibilityReview accessibility;
    private final Timer timer;
    // Guarded by the worker's lock (see CoalescingWorker).
    private boolean pending;

    DraftPageWorker(OpenDrafts drafts, DraftRenderer renderer, PreviewPublication publication, AccessibilityReview accessibility,
            RenderProperties properties, MeterRegistry meters) {
        super("draft-preview-worker", "publishing a draft preview",
                new FixedBackOff(properties.retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
        this.drafts = drafts;
        this.renderer = renderer;
        this.publication = publication;
        this.accessibility = accessibility;
        this.timer = DraftPreviews.timer(meters, "page");
    }

    @Override
    protected void onStart(long now) {
        pending = drafts.hasDirtyPages();
    }

    @Override
    protected void onSignal(long now) {
        pending = true;
    }

    @Override
    protected long nanosUntilDue(long now) {
        return pending ? 0 : IDLE;
    }

    @Override
    protected void onTaken() {
        pending = false;
    }

    @Override
    protected void onRetry(long now) {
        pending = true;
    }

    @Override
    protected RebuildSummary work(boolean full) {
        List<OpenDrafts.Job> jobs = drafts.takeDirtyPages();
        PreviewPublication.Tally tally = new PreviewPublication.Tally();
        for (int i = 0; i < jobs.size(); i++) {
            OpenDrafts.Job job = jobs.get(i);
            long started = System.nanoTime();
            try {
                Optional<Rendition> rendition = renderer.page(job);
                if (rendition.isEmpty()) {
                    continue;
                }
                tally.add(publication.publish(rendition.get()));
                // What the author sees beside the preview: the findings of the text it shows.
                accessibility.draftRendered(job.edition(), job.key().slug(), job.key().language(),
                        job.draft().map(d -> new AccessibilityReview.Revised(d.revision(), d.body())));
                log.debug("{} {} in {} ms", rendition.get().path(), rendition.get().exists() ? "rendered" : "deleted",
                        (System.nanoTime() - started) / 1_000_000);
            } catch (PublishFailedException e) {
                jobs.subList(i, jobs.size()).forEach(drafts::requeuePage);
                throw e;
            } finally {
                timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
        return tally.summary();
    }
}
