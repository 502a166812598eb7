package org.reportplatform.render.drafts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.reportplatform.render.RenderProperties;
import org.reportplatform.render.publishing.CoalescingWorker;
import org.reportplatform.render.publishing.DocumentPacing;
import org.reportplatform.render.publishing.LowerCpuPriority;
import org.reportplatform.render.publishing.PublishFailedException;
import org.reportplatform.render.publishing.RebuildSummary;
import org.reportplatform.render.site.Rendition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The thread that renders and publishes the drafts' PDF previews, off the page path and paced like
 * the report's PDF ({@link DocumentPacing}: after a quiet moment, at most once per
 * {@code document-window}, at Linux nice {@code document-niceness}): typing in the studio saves a
 * draft every pause, and the page preview must not wait for a PDF. Timed in
 * {@code report.render.draft-preview{output=pdf}}.
 */
public final class DraftDocumentWorker extends CoalescingWorker {

    private static final Logger log = LoggerFactory.getLogger(DraftDocumentWorker.class);

    private final OpenDrafts drafts;
    private final DraftRenderer renderer;
    private final PreviewPublication publication;
    private final RenderProperties properties;
    private final DocumentPacing pacing;
    private final Timer timer;

    DraftDocumentWorker(OpenDrafts drafts, DraftRenderer renderer, PreviewPublication publication, RenderProperties properties,
            MeterRegistry meters) {
        super("draft-document-worker", "publishing a draft's PDF preview",
                new FixedBackOff(properties.retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
        this.drafts = drafts;
        this.renderer = renderer;
        this.publication = publication;
        this.properties = properties;
        this.pacing = new DocumentPacing(properties);
        this.timer = DraftPreviews.timer(meters, "pdf");
    }

    @Override
    protected void onThreadStart() {
        LowerCpuPriority.ofThisThread(properties.documentNiceness());
    }

    @Override
    protected void onStart(long now) {
        if (drafts.hasDirtyDocuments()) {
            pacing.dueNow(now);
        }
    }

    @Override
    protected void onSignal(long now) {
        pacing.signal(now);
    }

    @Override
    protected long nanosUntilDue(long now) {
        return pacing.nanosUntilDue(now);
    }

    @Override
    protected void onTaken() {
        pacing.taken();
    }

    @Override
    protected void onRetry(long now) {
        if (!pacing.signalled()) {
            pacing.dueNow(now);
        }
    }

    @Override
    protected RebuildSummary work(boolean full) {
        int rendered = 0;
        int published = 0;
        int unchanged = 0;
        int deleted = 0;
        Optional<OpenDrafts.Job> next;
        while ((next = drafts.takeDirtyDocument()).isPresent()) {
            OpenDrafts.Job job = next.get();
            long started = System.nanoTime();
            pacing.renderStarted(started);
            try {
                Optional<Rendition> rendition = renderer.document(job);
                if (rendition.isEmpty()) {
                    continue;
                }
                rendered++;
                switch (publication.publish(rendition.get())) {
                    case PUBLISHED -> published++;
                    case DELETED -> deleted++;
                    case UNCHANGED -> unchanged++;
                }
                log.info("{} {} in {} ms", rendition.get().path(), rendition.get().exists() ? "rendered" : "deleted",
                        (System.nanoTime() - started) / 1_000_000);
            } catch (PublishFailedException e) {
                drafts.requeueDocument(job);
                throw e;
            } finally {
                long ended = System.nanoTime();
                timer.record(ended - started, TimeUnit.NANOSECONDS);
                pacing.renderEnded(started, ended);
            }
        }
        return new RebuildSummary(rendered, published, unchanged, deleted);
    }
}
