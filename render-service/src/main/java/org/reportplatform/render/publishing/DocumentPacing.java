package org.reportplatform.render.publishing;

import java.util.concurrent.TimeUnit;
import org.reportplatform.render.RenderProperties;

/**
 * When a worker that renders documents (PDFs: hundreds of milliseconds each) may render next: once
 * the sources have been quiet for {@code document-quiet-window} (or {@code document-window} after
 * the first pending change, under a steady stream), at most once per {@code document-window}, and,
 * when renders get long, leaving at least the last render's duration between two (at most half a
 * core). The report's {@link DocumentWorker} and the drafts' PDF previews pace themselves with it.
 *
 * <p>Not thread-safe: the signal side is called under the worker's lock
 * ({@link CoalescingWorker}), {@link #renderStarted} and {@link #renderEnded} on its thread only.
 */
public final class DocumentPacing {

    private final RenderProperties properties;
    // Under the worker's lock.
    private long firstSignalNanos;
    private long lastSignalNanos;
    private boolean signalled;
    // The worker's thread only.
    private long lastStartNanos;
    private long lastDurationNanos;
    private long lastEndNanos;

    public DocumentPacing(RenderProperties properties) {
        this.properties = properties;
        long longAgo = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
        this.lastStartNanos = longAgo;
        this.lastEndNanos = longAgo;
    }

    /** Due at once (as if the changes had been pending for a whole window). */
    public void dueNow(long now) {
        signalled = true;
        firstSignalNanos = now - properties.documentWindow().toNanos();
        lastSignalNanos = firstSignalNanos;
    }

    public boolean signalled() {
        return signalled;
    }

    public void signal(long now) {
        if (!signalled) {
            signalled = true;
            firstSignalNanos = now;
        }
        lastSignalNanos = now;
    }

    /** {@link CoalescingWorker#IDLE} when nothing is pending, else how long until a render is due. */
    public long nanosUntilDue(long now) {
        if (!signalled) {
            return CoalescingWorker.IDLE;
        }
        long quietAt = Math.min(lastSignalNanos + properties.documentQuietWindow().toNanos(),
                firstSignalNanos + properties.documentWindow().toNanos());
        long allowedAt = Math.max(lastStartNanos + properties.documentWindow().toNanos(), lastEndNanos + lastDurationNanos);
        return Math.max(0, Math.max(quietAt, allowedAt) - now);
    }

    public void taken() {
        signalled = false;
    }

    public void renderStarted(long now) {
        lastStartNanos = now;
    }

    public void renderEnded(long started, long ended) {
        lastEndNanos = ended;
        lastDurationNanos = ended - started;
    }
}
