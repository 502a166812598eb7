package org.reportplatform.render.publishing;

import java.util.concurrent.TimeUnit;
import org.reportplatform.platform.threads.LowerCpuPriority;
import org.reportplatform.render.RenderProperties;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A worker that renders documents (PDFs: hundreds of milliseconds each), paced so that it never
 * takes the CPU that pages need: it renders once the sources have been quiet for
 * {@code document-quiet-window} (or {@code document-window} after the first pending change, under
 * a steady stream), at most once per {@code document-window}, and, when renders get long, leaves
 * at least the last render's duration between two (at most half a core); its thread runs at Linux
 * nice {@code document-niceness} ({@link LowerCpuPriority}). The report's {@link DocumentWorker}
 * and the drafts' PDF previews are both one; what they render is theirs, and each calls
 * {@link #renderStarted} and {@link #renderEnded} around every render.
 */
public abstract class PacedDocumentWorker extends CoalescingWorker {

    private final RenderProperties properties;
    // Guarded by the worker's lock (see CoalescingWorker).
    private long firstSignalNanos;
    private long lastSignalNanos;
    private boolean signalled;
    // Written and read on the worker's thread only.
    private long lastStartNanos;
    private long lastDurationNanos;
    private long lastEndNanos;

    protected PacedDocumentWorker(String name, String failing, RenderProperties properties) {
        super(name, failing, new FixedBackOff(properties.retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
        this.properties = properties;
        long longAgo = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
        this.lastStartNanos = longAgo;
        this.lastEndNanos = longAgo;
    }

    @Override
    protected final void onThreadStart() {
        LowerCpuPriority.ofThisThread(properties.documentNiceness());
    }

    /** Documents already dirty (the start-up's) are rendered right away. */
    @Override
    protected final void onStart(long now) {
        dueNow(now);
    }

    /** After a failed publication: due at once (unless changes are already pending). */
    @Override
    protected final void onRetry(long now) {
        if (!signalled) {
            dueNow(now);
        }
    }

    private void dueNow(long now) {
        signalled = true;
        firstSignalNanos = now - properties.documentWindow().toNanos();
        lastSignalNanos = firstSignalNanos;
    }

    @Override
    protected final void onSignal(long now) {
        if (!signalled) {
            signalled = true;
            firstSignalNanos = now;
        }
        lastSignalNanos = now;
    }

    /** Waits for quiet sources (or the window under a steady stream), and for the last render's window and duration. */
    @Override
    protected final long nanosUntilDue(long now) {
        if (!signalled) {
            return IDLE;
        }
        long quietAt = Math.min(lastSignalNanos + properties.documentQuietWindow().toNanos(),
                firstSignalNanos + properties.documentWindow().toNanos());
        long allowedAt = Math.max(lastStartNanos + properties.documentWindow().toNanos(), lastEndNanos + lastDurationNanos);
        return Math.max(0, Math.max(quietAt, allowedAt) - now);
    }

    @Override
    protected final void onTaken() {
        signalled = false;
    }

    /** A render starts (on the worker's thread). */
    protected final void renderStarted(long now) {
        lastStartNanos = now;
    }

    /** A render ended (on the worker's thread): the next waits for the window and for as long as this one took. */
    protected final void renderEnded(long started, long ended) {
        lastEndNanos = ended;
        lastDurationNanos = ended - started;
    }
}
