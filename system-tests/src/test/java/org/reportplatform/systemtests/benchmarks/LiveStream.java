package org.reportplatform.systemtests.benchmarks;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.reportplatform.platform.testing.SseRecorder;

/**
 * The gateway's live stream ({@code GET /api/live}, as the web team's /live view reads it), read by
 * the tests' {@link SseRecorder}: every {@code published} notice, stamped with the moment it
 * arrived here, so that a scenario can wait for the one it expects and count afterwards what an
 * edit caused. Positions ({@link #mark}) count every event of the stream.
 */
public final class LiveStream implements AutoCloseable {

    /**
     * One {@code published} notice; {@code arrivedNanos} is this JVM's {@link System#nanoTime()} when it arrived;
     * {@code latencyMs} the notice's own, from the source change accepted to the output published (-1 when
     * unknown); {@code gatewayMs} from the output published to the gateway serving it (-1 when unknown).
     */
    public record Notice(long arrivedNanos, String path, String kind, Map<String, Long> sourceRevisions, long latencyMs,
            long gatewayMs) {

        /** Whether it was built from at least this revision of the source (e.g. {@code chapter:2024/enfants}). */
        public boolean builtFrom(String source, long revision) {
            Long built = sourceRevisions.get(source);
            return built != null && built >= revision;
        }
    }

    /** The gateway leaves out null members: one missing reads as null. */
    private static final Configuration NOTICE_JSON = Configuration.defaultConfiguration().addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL);

    private final SseRecorder stream;

    private LiveStream(SseRecorder stream) {
        this.stream = stream;
    }

    public static LiveStream open(String gatewayUrl, String token) {
        return new LiveStream(SseRecorder.open(gatewayUrl, "/api/live", token));
    }

    /** How many events arrived so far: the point to wait from. */
    public int mark() {
        return stream.mark();
    }

    /** The first notice from {@code from} on that matches, waiting for it at most {@code timeout}. */
    public Notice await(int from, Predicate<Notice> expected, Duration timeout) {
        return parse(stream.await(from, received -> isPublished(received) && expected.test(parse(received)), timeout));
    }

    /** The notices from {@code from} on that match. */
    public List<Notice> since(int from, Predicate<Notice> matching) {
        return stream.since(from, LiveStream::isPublished).stream().map(LiveStream::parse).filter(matching).toList();
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

    private static boolean isPublished(SseRecorder.Received received) {
        return "published".equals(received.event().event());
    }

    private static Notice parse(SseRecorder.Received received) {
        DocumentContext document = JsonPath.using(NOTICE_JSON).parse(received.event().data());
        Map<String, Object> revisions = document.read("$.sourceRevisions");
        Map<String, Long> sourceRevisions = new HashMap<>();
        revisions.forEach((source, revision) -> sourceRevisions.put(source, ((Number) revision).longValue()));
        Number latency = document.read("$.latencyMs");
        String publishedAt = document.read("$.publishedAt");
        String receivedAt = document.read("$.receivedAt");
        long gatewayMs = publishedAt == null || receivedAt == null ? -1
                : Duration.between(Instant.parse(publishedAt), Instant.parse(receivedAt)).toMillis();
        return new Notice(received.arrivedNanos(), document.read("$.path"), document.read("$.kind"), sourceRevisions,
                latency == null ? -1 : latency.longValue(), gatewayMs);
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
        stream.close();
    }
}
