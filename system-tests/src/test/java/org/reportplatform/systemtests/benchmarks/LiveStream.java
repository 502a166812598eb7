package org.reportplatform.systemtests.benchmarks;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The gateway's live stream ({@code GET /api/live}, as the web team's /live view reads it): every
 * notice, stamped with the moment it arrived here, kept so that a scenario can wait for the one it
 * expects and count afterwards what an edit caused.
 */
public final class LiveStream implements AutoCloseable {

    /** One {@code published} notice; {@code arrivedNanos} is this JVM's {@link System#nanoTime()} when it arrived. */
    public record Notice(long arrivedNanos, String path, String kind, Map<String, Long> sourceRevisions, long latencyMs) {

        /** Whether it was built from at least this revision of the source (e.g. {@code chapter:2024/enfants}). */
        public boolean builtFrom(String source, long revision) {
            Long built = sourceRevisions.get(source);
            return built != null && built >= revision;
        }
    }

    private final List<Notice> notices = new ArrayList<>();
    private final InputStream body;

    private LiveStream(InputStream body) {
        this.body = body;
        Thread reader = new Thread(this::read, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static LiveStream open(String gatewayUrl, String token) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/live"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/api/live answered " + response.statusCode());
            }
            return new LiveStream(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many notices arrived so far: the point to wait from. */
    public int mark() {
        synchronized (notices) {
            return notices.size();
        }
    }

    /** The first notice from {@code from} on that matches, waiting for it at most {@code timeout}. */
    public Notice await(int from, Predicate<Notice> expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (notices) {
            int next = from;
            while (true) {
                for (; next < notices.size(); next++) {
                    if (expected.test(notices.get(next))) {
                        return notices.get(next);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no matching live notice within " + timeout);
                }
                try {
                    notices.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The notices from {@code from} on that match. */
    public List<Notice> since(int from, Predicate<Notice> matching) {
        synchronized (notices) {
            return notices.subList(from, notices.size()).stream().filter(matching).toList();
        }
    }

    /** Waits until no notice arrived for {@code quiet} (at most {@code timeout}): the platform has settled. */
    public void awaitQuiet(Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = mark();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            sleep(100);
            int now = mark();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
                return;
            }
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                long arrived = System.nanoTime();
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "published".equals(event)) {
                    Notice notice = parse(arrived, line.substring(5));
                    synchronized (notices) {
                        notices.add(notice);
                        notices.notifyAll();
                    }
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (IOException e) {
            // closed at the end of the run
        }
    }

    private static Notice parse(long arrived, String json) {
        DocumentContext document = JsonPath.parse(json);
        Map<String, Object> revisions = document.read("$.sourceRevisions");
        Map<String, Long> sourceRevisions = new HashMap<>();
        revisions.forEach((source, revision) -> sourceRevisions.put(source, ((Number) revision).longValue()));
        Number latency = document.read("$.latencyMs");
        return new Notice(arrived, document.read("$.path"), document.read("$.kind"), sourceRevisions, latency == null ? -1 : latency.longValue());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // nothing to do: the stream is gone either way
        }
    }
}
