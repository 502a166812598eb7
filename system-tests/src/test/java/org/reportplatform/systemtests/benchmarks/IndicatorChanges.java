package org.reportplatform.systemtests.benchmarks;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cost of one indicator change: a team changes one figure's value on the gateway (PUT), timed
 * until the live stream announces the chapter page citing it rebuilt from that revision; one change
 * at a time. Afterwards, from the notices, how many pages each change republished (the page citing
 * it, the key-figures page listing it, ...): what "rebuild only what changed" leaves to do.
 */
public final class IndicatorChanges {

    /** {@code latency}: ms from just before the PUT to the citing page's notice. */
    public record Result(String report, String indicator, String citingPage, Stats latency, Stats inPlatform, double pagesPerChange) {
    }

    private static final List<String> EDITABLE = List.of("label", "type", "value", "currency", "unit", "period", "source");

    private final Api api;
    private final LiveStream live;

    public IndicatorChanges(Api api, LiveStream live) {
        this.api = api;
        this.live = live;
    }

    public Result run(String report, String edition, String indicatorId, String citingPage, String token, int warmup, int changes) {
        String path = "/api/editions/" + edition + "/indicators/" + indicatorId;
        String source = "indicator:" + edition + "/" + indicatorId;
        HttpResponse<String> current = Api.expect(200, api.getText(path));
        Map<String, Object> indicator = Json.read(current.body());
        Map<String, Object> fields = new LinkedHashMap<>();
        EDITABLE.forEach(field -> {
            if (indicator.get(field) != null) {
                fields.put(field, indicator.get(field));
            }
        });
        long base = Long.parseLong(String.valueOf(indicator.get("value")));
        String etag = Api.etag(current);
        Stats latency = new Stats();
        Stats inPlatform = new Stats();
        Set<Long> counted = new HashSet<>();
        int firstCounted = -1;
        for (int i = 1; i <= warmup + changes; i++) {
            fields.put("value", base + i);
            int from = live.mark();
            if (i == warmup + 1) {
                firstCounted = from;
            }
            long started = System.nanoTime();
            HttpResponse<String> answer = Api.expect(200, api.put(path, token, etag, Json.write(fields)));
            etag = Api.etag(answer);
            long revision = Api.revision(answer);
            LiveStream.Notice seen = live.await(from, n -> n.path().equals(citingPage) && n.builtFrom(source, revision),
                    Duration.ofSeconds(60));
            if (i > warmup) {
                latency.addNanos(seen.arrivedNanos() - started);
                inPlatform.add(seen.latencyMs());
                counted.add(revision);
            }
        }
        // the pages republished because of the counted changes: each carries the revision it was built from
        live.awaitQuiet(Duration.ofSeconds(1), Duration.ofSeconds(30));
        long pages = live.since(Math.max(0, firstCounted), n -> "page".equals(n.kind()) && counted.contains(n.sourceRevisions().get(source)))
                .size();
        return new Result(report, indicatorId, citingPage, latency, inPlatform, counted.isEmpty() ? 0 : (double) pages / counted.size());
    }
}
