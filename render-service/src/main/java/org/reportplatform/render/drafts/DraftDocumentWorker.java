package org.reportplatform.render.drafts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.reportplatform.render.RenderProperties;
import org.reportplatform.render.publishing.PacedDocumentWorker;
import org.reportplatform.render.publishing.PublishFailedException;
import org.reportplatform.render.publishing.RebuildSummary;
import org.reportplatform.render.site.Rendition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that renders and publishes the drafts' PDF previews, off the page path and paced like
 * the report's PDF ({@link PacedDocumentWorker}: after a quiet moment, at most once per
 * {@code document-window}, at Linux nice {@code document-niceness}): typing in the studio saves a
 * draft every pause, and the page preview must not wait for a PDF. Timed in
 * {@code report.render.draft-preview{output=pdf}}.
 */
public final class DraftDocumentWorker extends PacedDocumentWorker {

    private static final Logger log = LoggerFactory.getLogger(DraftDocumentWorker.class);

    private final OpenDrafts drafts;
    private final DraftRenderer renderer;
    private final PreviewPublication publication;
    private final Timer timer;

    DraftDocumentWorker(OpenDrafts drafts, DraftRenderer renderer, PreviewPublication publication, RenderProperties properties,
            MeterRegistry meters) {
        super("draft-document-worker", "publishing a draft's PDF preview", properties);
        this.drafts = drafts;
        this.renderer = renderer;
        this.publication = publication;
        this.timer = DraftPreviews.timer(meters, "pdf");
    }

    @Override
    protected RebuildSummary work(boolean full) {
        PreviewPublication.Tally tally = new PreviewPublication.Tally();
        Optional<OpenDrafts.Job> next;
        while ((next = drafts.takeDirtyDocument()).isPresent()) {
            OpenDrafts.Job job = next.get();
            long started = System.nanoTime();
            renderStarted(started);
            try {
                Optional<Rendition> rendition = renderer.document(job);
                if (rendition.isEmpty()) {
                    continue;
                }
                tally.add(publication.publish(rendition.get()));
                log.info("{} {} in {} ms", rendition.get().path(), rendition.get().exists() ? "rendered" : "deleted",
                        (System.nanoTime() - started) / 1_000_000);
            } catch (PublishFailedException e) {
                drafts.requeueDocument(job);
                throw e;
            } finally {
                long ended = System.nanoTime();
                timer.record(ended - started, TimeUnit.NANOSECONDS);
                renderEnded(started, ended);
            }
        }
        return tally.summary();
    }
}
