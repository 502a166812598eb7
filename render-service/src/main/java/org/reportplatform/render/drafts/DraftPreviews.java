package org.reportplatform.render.drafts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.reportplatform.platform.log.LogTail;
import org.reportplatform.render.site.OutputId;
import org.reportplatform.render.sources.SourceEvent;

/**
 * The drafts' previews, as the rest of the service sees them: started by the start-up sequence
 * once the site's sources are replayed (a preview rendered before would miss figures and
 * chapters), told by the source listener when an edition's sources change (its open drafts are
 * rendered again: a figure changed shows in the preview), and woken by the drafts follower.
 */
public final class DraftPreviews {

    private final OpenDrafts drafts;
    private final DraftFollower follower;
    private final DraftPageWorker pages;
    private final DraftDocumentWorker documents;

    DraftPreviews(OpenDrafts drafts, DraftFollower follower, DraftPageWorker pages, DraftDocumentWorker documents) {
        this.drafts = drafts;
        this.follower = follower;
        this.pages = pages;
        this.documents = documents;
    }

    /** {@code report.render.draft-preview{output}}: rendering and publishing one preview of a draft. */
    static Timer timer(MeterRegistry meters, String output) {
        return Timer.builder("report.render.draft-preview")
                .description("Rendering and publishing one preview of an open draft (output: page or pdf)")
                .tag("output", output)
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Wakes both workers: drafts changed. */
    void changed() {
        pages.signal();
        documents.signal();
    }

    /** A source event was applied to the site: the open drafts of its edition are rendered again. */
    public void sourcesChanged(SourceEvent event) {
        if (drafts.sourcesChanged(event.edition(), event.info()) > 0) {
            changed();
        }
    }

    /**
     * Waits (at most {@code timeout}) for the drafts topic to be read to where it ended at start,
     * marks every open draft's previews dirty and those published for drafts since closed (their
     * tombstones), and starts the workers: what is unchanged is not published again.
     */
    public void start(List<OutputId> publishedPreviews, Duration timeout) {
        LogTail<String, Object> tail = follower.running();
        if (tail != null) {
            try {
                tail.caughtUp().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the drafts topic was not read within " + timeout, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("reading the drafts topic failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the drafts topic", e);
            }
        }
        drafts.markAllDirty(keys(publishedPreviews));
        pages.start();
        documents.start();
    }

    /** Previews this instance has just been given (instances share the rendering): rendered again, from the current drafts. */
    public void gained(Predicate<OutputId> gained, List<OutputId> publishedPreviews) {
        drafts.markDirty(gained, keys(publishedPreviews));
        changed();
    }

    /** Previews this instance no longer owns: no longer rendered here. */
    public void lost() {
        drafts.dropUnowned();
    }

    private static List<OpenDrafts.Key> keys(List<OutputId> publishedPreviews) {
        List<OpenDrafts.Key> published = new ArrayList<>();
        for (OutputId id : publishedPreviews) {
            if (id instanceof OutputId.DraftPage page) {
                published.add(new OpenDrafts.Key(page.edition(), page.slug(), page.language()));
            } else if (id instanceof OutputId.DraftDocument document) {
                published.add(new OpenDrafts.Key(document.edition(), document.slug(), document.language()));
            }
        }
        return published;
    }

    public OpenDrafts drafts() {
        return drafts;
    }
}
