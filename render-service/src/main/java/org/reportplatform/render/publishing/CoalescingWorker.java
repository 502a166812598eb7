package org.reportplatform.render.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * One thread that renders and publishes what became dirty, when its policy says it is time: the
 * waiting, the coalescing of signals, full rebuild requests, the pause after a failed publication
 * and the orderly stop are here; what is dirty, when it is due and how it is rendered are the
 * subclass's ({@link RebuildWorker} for pages, {@link DocumentWorker} for documents).
 *
 * <p>The policy's state is guarded by this worker's lock: {@link #onStart}, {@link #onSignal},
 * {@link #nanosUntilDue}, {@link #onTaken} and {@link #onRetry} run holding it, so a signal never
 * slips between the decision that work is due and the taking of it. {@link #work} runs without it
 * (signals keep arriving while a render runs, and dirty the outputs for the next round).
 */
public abstract class CoalescingWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CoalescingWorker.class);

    /** {@link #nanosUntilDue} when nothing is pending: sleep until signalled. */
    protected static final long IDLE = -1;

    private final String name;
    private final String failing;
    private final BackOff backOff;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final List<CompletableFuture<RebuildSummary>> fullRebuilds = new ArrayList<>();
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param name    the thread's name
     * @param failing what failed, for the log line of a failed round ("publishing", "publishing a document")
     * @param backOff the pauses after failed rounds (reset by a round that succeeds)
     */
    protected CoalescingWorker(String name, String failing, BackOff backOff) {
        this.name = name;
        this.failing = failing;
        this.backOff = backOff;
    }

    /** Called with the lock held when the worker starts, before its thread runs. */
    protected abstract void onStart(long now);

    /** Called with the lock held for each {@link #signal()}. */
    protected abstract void onSignal(long now);

    /** With the lock held: 0 if a round is due now, {@link #IDLE} if nothing is pending, else how long until it is due. */
    protected abstract long nanosUntilDue(long now);

    /** With the lock held: the round that was due is starting (what was pending is being taken). */
    protected abstract void onTaken();

    /** With the lock held, after the pause that follows a failed round: make the next round due. */
    protected abstract void onRetry(long now);

    /** Renders and publishes; {@code full}: every output, for an operator's or the start-up rebuild. */
    protected abstract RebuildSummary work(boolean full);

    /** Runs first on the worker's thread (e.g. to set its priority). */
    protected void onThreadStart() {
    }

    /** Starts the worker thread. */
    public final synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lock.lock();
        try {
            onStart(System.nanoTime());
        } finally {
            lock.unlock();
        }
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    public final boolean isRunning() {
        return running;
    }

    /** Sources changed: outputs may be dirty; the policy decides when to render them. */
    public final void signal() {
        lock.lock();
        try {
            onSignal(System.nanoTime());
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Asks the worker to re-render every output; completes once published. */
    public final CompletableFuture<RebuildSummary> requestFullRebuild() {
        CompletableFuture<RebuildSummary> result = new CompletableFuture<>();
        lock.lock();
        try {
            if (!running) {
                result.completeExceptionally(new IllegalStateException("the " + name.replace('-', ' ') + " is not running"));
                return result;
            }
            fullRebuilds.add(result);
            wake.signal();
        } finally {
            lock.unlock();
        }
        return result;
    }

    private void loop() {
        onThreadStart();
        BackOffExecution failures = null;
        while (running) {
            List<CompletableFuture<RebuildSummary>> requests;
            lock.lock();
            try {
                long wait;
                while (running && fullRebuilds.isEmpty() && (wait = nanosUntilDue(System.nanoTime())) != 0) {
                    if (wait == IDLE) {
                        wake.await();
                    } else {
                        wake.awaitNanos(wait);
                    }
                }
                if (!running) {
                    break;
                }
                requests = new ArrayList<>(fullRebuilds);
                fullRebuilds.clear();
                onTaken();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                lock.unlock();
            }
            try {
                RebuildSummary summary = work(!requests.isEmpty());
                requests.forEach(r -> r.complete(summary));
                failures = null;
            } catch (RuntimeException e) {
                requests.forEach(r -> r.completeExceptionally(e));
                if (failures == null) {
                    failures = backOff.start();
                }
                long pause = failures.nextBackOff();
                log.warn("{} failed, retrying in {}: {}", failing, Duration.ofMillis(pause), e.getMessage());
                pause(TimeUnit.MILLISECONDS.toNanos(pause));
            }
        }
    }

    /** Waits {@code nanos} (signals do not cut it short; stopping does), then makes the next round due. */
    private void pause(long nanos) {
        lock.lock();
        try {
            long until = System.nanoTime() + nanos;
            long left;
            while (running && (left = until - System.nanoTime()) > 0) {
                wake.awaitNanos(left);
            }
            onRetry(System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final void destroy() throws InterruptedException {
        Thread worker;
        lock.lock();
        try {
            running = false;
            wake.signalAll();
            worker = thread;
            fullRebuilds.forEach(r -> r.completeExceptionally(new IllegalStateException("the render service is stopping")));
            fullRebuilds.clear();
        } finally {
            lock.unlock();
        }
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
