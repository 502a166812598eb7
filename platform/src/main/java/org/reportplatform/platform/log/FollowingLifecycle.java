package org.reportplatform.platform.log;

import org.springframework.context.SmartLifecycle;

/**
 * A view that follows topics for as long as the application runs: it starts its {@link LogTail}
 * when the context starts and stops it when the context stops. Phase 0 runs before the web server
 * (a much later phase) starts and after it stops, so no request meets a view whose initial read
 * has not begun, and the tail outlives every request.
 */
public abstract class FollowingLifecycle<K, V> implements SmartLifecycle {

    private volatile LogTail<K, V> tail;

    /** Starts following the topics; called once per start. */
    protected abstract LogTail<K, V> follow();

    /** Runs right after the tail started, on the starting thread (e.g. to wait for it to catch up). */
    protected void started(LogTail<K, V> tail) {
    }

    /** The running tail, or null when stopped. */
    protected final LogTail<K, V> tail() {
        return tail;
    }

    @Override
    public final void start() {
        LogTail<K, V> started;
        synchronized (this) {
            if (tail != null) {
                return;
            }
            started = follow();
            tail = started;
        }
        started(started);
    }

    @Override
    public final synchronized void stop() {
        if (tail != null) {
            tail.stop();
            tail = null;
        }
    }

    @Override
    public final boolean isRunning() {
        return tail != null;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
