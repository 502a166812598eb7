package org.reportplatform.platform.log;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Writes wait for Kafka's acknowledgement ({@link RevisionLog#write}): never on the event loop. */
public final class OffEventLoop {

    private OffEventLoop() {
    }

    /**
     * Runs the work on a worker thread and answers with its result. A client that hangs up does
     * not cancel the work: a write interrupted inside its transaction's commit may still commit,
     * and a writer that then believed it had failed would give the next write the same revision.
     */
    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromFuture(() -> {
            CompletableFuture<T> result = new CompletableFuture<>();
            Schedulers.boundedElastic().schedule(() -> {
                try {
                    result.complete(work.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            return result;
        }, true);
    }
}
