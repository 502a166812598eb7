package org.reportplatform.render.ops;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.reportplatform.render.publishing.DocumentWorker;
import org.reportplatform.render.publishing.RebuildProgress;
import org.reportplatform.render.publishing.RebuildSummary;
import org.reportplatform.render.publishing.RebuildWorker;

/**
 * Operators' full rebuilds: pages and documents re-rendered, what changed published. One at a
 * time: a request while one runs joins it (same result). Its progress is in {@link RebuildProgress}.
 */
public final class FullRebuilds {

    private final RebuildWorker pages;
    private final DocumentWorker documents;
    private final RebuildProgress progress;
    private final Clock clock;
    private CompletableFuture<RebuildSummary> current;

    public FullRebuilds(RebuildWorker pages, DocumentWorker documents, RebuildProgress progress, Clock clock) {
        this.pages = pages;
        this.documents = documents;
        this.progress = progress;
        this.clock = clock;
    }

    public boolean canRun() {
        return pages.isRunning() && documents.isRunning();
    }

    public synchronized CompletableFuture<RebuildSummary> start() {
        if (current != null && !current.isDone()) {
            return current;
        }
        progress.begin(clock.instant());
        CompletableFuture<RebuildSummary> rebuild = pages.requestFullRebuild().thenCombine(documents.requestFullRebuild(), RebuildSummary::plus);
        current = rebuild.whenComplete((summary, error) -> progress.finish(summary,
                error instanceof CompletionException && error.getCause() != null ? error.getCause() : error, clock.instant()));
        return current;
    }

    public RebuildProgress.Snapshot progress() {
        return progress.snapshot();
    }
}
