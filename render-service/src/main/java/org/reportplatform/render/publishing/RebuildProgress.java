package org.reportplatform.render.publishing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far an operator's full rebuild is ({@code GET /api/ops/rebuild}): outputs planned and done,
 * pages and documents together, and what the last one did. The workers report into it only while
 * an operator's rebuild runs (not for the start-up render nor for live flushes).
 */
public final class RebuildProgress {

    public enum State {
        idle, running
    }

    /**
     * What a dashboard shows; every member is present (null when not known yet).
     *
     * @param startedAt   when the running (or last) rebuild started
     * @param finishedAt  when the last rebuild finished
     * @param done        outputs rendered so far
     * @param total       outputs to render (grows as each worker plans its part)
     * @param lastSummary what the last finished rebuild did
     * @param lastError   why the last rebuild failed, if it did
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Snapshot(State state, Instant startedAt, Instant finishedAt, int done, int total, RebuildSummary lastSummary,
            String lastError) {
    }

    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private volatile boolean running;
    private Instant startedAt;
    private Instant finishedAt;
    private RebuildSummary lastSummary;
    private String lastError;

    /** A rebuild starts; false if one is already running. */
    public synchronized boolean begin(Instant now) {
        if (running) {
            return false;
        }
        running = true;
        startedAt = now;
        done.set(0);
        total.set(0);
        return true;
    }

    /** A worker will render {@code outputs} more. */
    public void plan(int outputs) {
        if (running) {
            total.addAndGet(outputs);
        }
    }

    /** A worker rendered one more output. */
    public void advance() {
        if (running) {
            done.incrementAndGet();
        }
    }

    public synchronized void finish(RebuildSummary summary, Throwable error, Instant now) {
        running = false;
        finishedAt = now;
        if (error == null) {
            lastSummary = summary;
            lastError = null;
        } else {
            lastError = error.getMessage();
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(running ? State.running : State.idle, startedAt, finishedAt, done.get(), total.get(), lastSummary, lastError);
    }
}
