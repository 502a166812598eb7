package org.reportplatform.gateway.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * A client of a server-sent event stream, as a browser's EventSource would be: records every
 * event (comments included) as it arrives. {@link #open} returns once the server sent its first
 * line, so the subscription is registered before the test publishes anything.
 */
public final class SseRecorder implements AutoCloseable {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private final List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> error = new AtomicReference<>();
    private volatile boolean completed;
    private final Disposable subscription;

    private SseRecorder(String baseUrl, String path, Consumer<HttpHeaders> headers) {
        subscription = WebClient.create(baseUrl).get().uri(path).headers(headers).accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(SSE)
                .subscribe(received::add, error::set, () -> completed = true);
    }

    public static SseRecorder open(String baseUrl, String path, Consumer<HttpHeaders> headers) {
        SseRecorder recorder = new SseRecorder(baseUrl, path, headers);
        await("the stream's first line").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    if (recorder.error.get() != null) {
                        throw new AssertionError("the stream failed", recorder.error.get());
                    }
                    return !recorder.received.isEmpty();
                });
        return recorder;
    }

    /** Bearer-authenticated stream. */
    public static SseRecorder open(String baseUrl, String path, String token) {
        return open(baseUrl, path, headers -> headers.setBearerAuth(token));
    }

    /** Events that are not comments (heartbeats, the greeting), in order. */
    public List<ServerSentEvent<String>> events() {
        return received.stream().filter(e -> e.event() != null || e.data() != null).toList();
    }

    /** Comment lines, in order. */
    public List<String> comments() {
        return received.stream().filter(e -> e.comment() != null).map(ServerSentEvent::comment).toList();
    }

    /** Waits until at least {@code count} events arrived; returns all of them. */
    public List<ServerSentEvent<String>> awaitEvents(int count) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10)).until(() -> events().size() >= count);
        return events();
    }

    public boolean isCompleted() {
        return completed;
    }

    public Throwable error() {
        return error.get();
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
