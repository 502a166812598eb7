package org.reportplatform.systemtests.benchmarks;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Edit to live: a team's chapter edit, PUT on the gateway, timed one edit at a time until (a) the
 * live stream announces the page rebuilt from that revision and (b) the gateway serves the new
 * bytes (polled with If-None-Match, 304 until they change). The first {@code warmup} edits are
 * not counted. The platform's only edit-to-live measurement: {@code ./benchmark.sh} runs it on the
 * demo report, {@code ./benchmark.sh --quick} with fewer edits.
 */
public final class EditToLive {

    /**
     * {@code notice} and {@code served}: ms from just before the PUT; {@code inPlatform}: the notice's own
     * edit-to-publish ms; {@code toGateway}: from the page published to the gateway serving it.
     */
    public record Result(String path, int warmup, Stats notice, Stats served, Stats inPlatform, Stats toGateway, Stats put) {
    }

    private final Api api;
    private final LiveStream live;

    public EditToLive(Api api, LiveStream live) {
        this.api = api;
        this.live = live;
    }

    public Result run(String edition, String slug, String token, int warmup, int edits) {
        String chapter = "/api/editions/" + edition + "/chapters/" + slug;
        String page = "/" + edition + "/" + slug;
        String source = "chapter:" + edition + "/" + slug;
        HttpResponse<String> current = Api.expect(200, api.getText(chapter));
        String title = JsonPath.read(current.body(), "$.title");
        String body = JsonPath.read(current.body(), "$.body");
        String etag = Api.etag(current);
        String pageEtag = Api.etag(api.getIfNoneMatch(page, null));
        Stats notice = new Stats();
        Stats served = new Stats();
        Stats inPlatform = new Stats();
        Stats toGateway = new Stats();
        Stats put = new Stats();
        for (int i = 1; i <= warmup + edits; i++) {
            String marker = "Mesure " + i + "-" + Long.toHexString(System.nanoTime());
            String json = Json.write(Map.of("title", title, "body", body + "\n\n" + marker + "."));
            int from = live.mark();
            long started = System.nanoTime();
            HttpResponse<String> answer = Api.expect(200, api.put(chapter, token, etag, json));
            long accepted = System.nanoTime();
            etag = Api.etag(answer);
            long revision = Api.revision(answer);
            // the new bytes: poll the page until it is no longer the one seen before the edit
            long servedAt;
            while (true) {
                HttpResponse<String> got = api.getIfNoneMatch(page, pageEtag);
                if (got.statusCode() == 200 && got.body().contains(marker)) {
                    servedAt = System.nanoTime();
                    pageEtag = Api.etag(got);
                    break;
                }
                if (System.nanoTime() - started > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException(page + " did not serve edit " + i + " within 30 s");
                }
                LiveStream.sleep(1);
            }
            LiveStream.Notice seen = live.await(from, n -> n.path().equals(page) && n.builtFrom(source, revision), Duration.ofSeconds(30));
            if (i > warmup) {
                put.addNanos(accepted - started);
                notice.addNanos(seen.arrivedNanos() - started);
                served.addNanos(servedAt - started);
                inPlatform.add(seen.latencyMs());
                toGateway.add(seen.gatewayMs());
            }
        }
        return new Result(page, warmup, notice, served, inPlatform, toGateway, put);
    }
}
