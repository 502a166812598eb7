package org.reportplatform.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * A client of a server-sent event stream, as a browser's EventSource would be: Spring's
 * {@link WebClient} reading {@code ServerSentEvent<String>}s, each recorded (comments included)
 * with the moment it arrived. {@link #open} returns once the server sent its first line, so the
 * subscription is registered before the caller publishes anything. The tests and the benchmarks
 * read every event stream through this class.
 */
public final class SseRecorder implements AutoCloseable {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final Duration FIRST_LINE = Duration.ofSeconds(10);
    private static final Duration EVENTS = Duration.ofSeconds(15);
    /**
     * One event may be large: a notice of the 1,000-chapter report's table of contents names every
     * source revision it used. The codecs' default (256 KB) would fail the stream there.
     */
    private static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;

    /** One event or comment; {@code arrivedNanos} is this JVM's {@link System#nanoTime()} when it arrived. */
    public record Received(long arrivedNanos, ServerSentEvent<String> event) {

        /** Whether it is an event rather than a comment line (a heartbeat, a greeting). */
        public boolean isEvent() {
            return event.event() != null || event.data() != null;
        }
    }

    /** Everything received, guarded by itself; waiters are woken at every arrival and at the end of the stream. */
    private final List<Received> received = new ArrayList<>();
    /** The events of {@link #received} (no comments), guarded by {@link #received}. */
    private final List<Received> events = new ArrayList<>();
    private Throwable error;
    private boolean completed;
    private final Disposable subscription;

    private SseRecorder(String baseUrl, String path, Consumer<HttpHeaders> headers) {
        subscription = WebClient.builder().baseUrl(baseUrl)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_EVENT_BYTES)).build().get().uri(path).headers(headers).accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(SSE)
                .subscribe(this::arrived, this::failed, this::ended);
    }

    public static SseRecorder open(String baseUrl, String path, Consumer<HttpHeaders> headers) {
        SseRecorder recorder = new SseRecorder(baseUrl, path, headers);
        try {
            recorder.awaitUntil("the stream's first line", () -> !recorder.received.isEmpty(), FIRST_LINE);
        } catch (RuntimeException | AssertionError e) {
            recorder.close();
            throw e;
        }
        return recorder;
    }

    /** Bearer-authenticated stream. */
    public static SseRecorder open(String baseUrl, String path, String token) {
        return open(baseUrl, path, headers -> headers.setBearerAuth(token));
    }

    /** Events that are not comments (heartbeats, the greeting), in order. */
    public List<ServerSentEvent<String>> events() {
        synchronized (received) {
            return events.stream().map(Received::event).toList();
        }
    }

    /** Comment lines, in order. */
    public List<String> comments() {
        synchronized (received) {
            return received.stream().filter(r -> !r.isEvent()).map(r -> r.event().comment()).toList();
        }
    }

    /** Waits until at least {@code count} events arrived; returns all of them. */
    public List<ServerSentEvent<String>> awaitEvents(int count) {
        awaitUntil(count + " events", () -> events.size() >= count, EVENTS);
        return events();
    }

    /** How many events arrived so far: the point to wait from with {@link #await}. */
    public int mark() {
        synchronized (received) {
            return events.size();
        }
    }

    /**
     * The first event from position {@code from} on (as {@link #mark} counts) that matches, waiting
     * for it at most {@code timeout}. Each event is tested once.
     */
    public Received await(int from, Predicate<Received> expected, Duration timeout) {
        var scan = new Object() {
            int next = from;
            Received found;

            boolean done() {
                for (; found == null && next < events.size(); next++) {
                    if (expected.test(events.get(next))) {
                        found = events.get(next);
                    }
                }
                return found != null;
            }
        };
        awaitUntil("a matching event", scan::done, timeout);
        return scan.found;
    }

    /** The events from position {@code from} on that match. */
    public List<Received> since(int from, Predicate<Received> matching) {
        synchronized (received) {
            return events.subList(Math.min(from, events.size()), events.size()).stream().filter(matching).toList();
        }
    }

    public boolean isCompleted() {
        synchronized (received) {
            return completed;
        }
    }

    public Throwable error() {
        synchronized (received) {
            return error;
        }
    }

    @Override
    public void close() {
        subscription.dispose();
    }

    /** Waits, holding the lock, until {@code condition} holds; fails when the stream failed or ended first. */
    private void awaitUntil(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (!condition.getAsBoolean()) {
                if (error != null) {
                    throw new AssertionError("the stream failed while waiting for " + what, error);
                }
                if (completed) {
                    throw new AssertionError("the stream ended while waiting for " + what);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + what + " within " + timeout + " (" + events.size() + " events received)");
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void arrived(ServerSentEvent<String> event) {
        Received arrival = new Received(System.nanoTime(), event);
        synchronized (received) {
            received.add(arrival);
            if (arrival.isEvent()) {
                events.add(arrival);
            }
            received.notifyAll();
        }
    }

    private void failed(Throwable failure) {
        synchronized (received) {
            error = failure;
            received.notifyAll();
        }
    }

    private void ended() {
        synchronized (received) {
            completed = true;
            received.notifyAll();
        }
    }
}
