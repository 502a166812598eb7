package org.reportplatform.platform.log;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Writes wait for Kafka's acknowledgement ({@link RevisionLog#write}): never on the event loop. */
public final class OffEventLoop {

    private OffEventLoop() {
    }

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
