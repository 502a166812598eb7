package org.reportplatform.render.sharing;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * This instance's membership of the ownership group (when instances share the rendering): a
 * consumer of {@code report.render-ownership.v1} that never gets a record, only partitions
 * ({@link Handover}). Joined by the start-up sequence once the sources are replayed (until then
 * the other instances keep rendering everything); stopped first when the service stops, so it
 * leaves the group at once and its outputs go to the others without waiting for the session timeout.
 */
public final class OwnershipGroup implements SmartLifecycle {

    private final MessageListenerContainer container;
    private final OutputOwnership ownership;

    /** @param container the group's consumer; null when this instance renders alone */
    public OwnershipGroup(MessageListenerContainer container, OutputOwnership ownership) {
        this.container = container;
        this.ownership = ownership;
    }

    /** Joins the group and waits (at most {@code timeout}) for the first assignment; nothing to do alone. */
    public void join(Duration timeout) {
        if (container == null) {
            return;
        }
        container.start();
        try {
            ownership.firstAssignment().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the ownership group assigned nothing within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("joining the ownership group failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the ownership group", e);
        }
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public void start() {
        // joined by the start-up sequence
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }
}
