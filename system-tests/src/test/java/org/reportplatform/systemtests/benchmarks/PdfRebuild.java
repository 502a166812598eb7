package org.reportplatform.systemtests.benchmarks;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * PDF rebuild: a chapter edit on the gateway, timed until the live stream announces the edition's
 * report PDF rebuilt from it. Each edit comes after a quiet moment, so that it is alone in the
 * render service's document window (the PDF is rebuilt at most once a window, off the page path).
 */
public final class PdfRebuild {

    /** {@code latency}: ms from just before the PUT to the PDF's notice; {@code bytes}: the PDF's size. */
    public record Result(String document, Stats latency, Stats inPlatform, long bytes) {
    }

    private final Api api;
    private final LiveStream live;

    public PdfRebuild(Api api, LiveStream live) {
        this.api = api;
        this.live = live;
    }

    public Result run(String edition, String slug, String token, int edits) {
        String chapter = "/api/editions/" + edition + "/chapters/" + slug;
        String document = "/" + edition + "/report.pdf";
        String source = "chapter:" + edition + "/" + slug;
        HttpResponse<String> current = Api.expect(200, api.getText(chapter));
        String title = JsonPath.read(current.body(), "$.title");
        String body = JsonPath.read(current.body(), "$.body");
        String etag = Api.etag(current);
        Stats latency = new Stats();
        Stats inPlatform = new Stats();
        for (int i = 1; i <= edits; i++) {
            live.awaitQuiet(Duration.ofMillis(1500), Duration.ofSeconds(60));
            String json = Json.write(Map.of("title", title, "body", body + "\n\nPDF " + i + "-" + Long.toHexString(System.nanoTime()) + "."));
            int from = live.mark();
            long started = System.nanoTime();
            HttpResponse<String> answer = Api.expect(200, api.put(chapter, token, etag, json));
            etag = Api.etag(answer);
            long revision = Api.revision(answer);
            LiveStream.Notice seen = live.await(from, n -> n.path().equals(document) && n.builtFrom(source, revision), Duration.ofMinutes(2));
            latency.addNanos(seen.arrivedNanos() - started);
            inPlatform.add(seen.latencyMs());
        }
        long bytes = Api.expect(200, api.get(document)).body().length;
        return new Result(document, latency, inPlatform, bytes);
    }
}
