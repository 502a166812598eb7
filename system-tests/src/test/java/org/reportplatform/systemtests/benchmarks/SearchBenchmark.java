package org.reportplatform.systemtests.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search on a report: queries through the gateway ({@code GET /api/search}, one at a time), the
 * time from the gateway serving a changed page (its live notice) to its new word being found,
 * and the memory the gateway's index takes (its gauge {@code report.search.index.bytes}).
 */
public final class SearchBenchmark {

    /**
     * @param pages      pages in the gateway's index
     * @param query      the latency of one query, as a client sees it
     * @param searchable from the page's live notice to its new word found
     * @param indexBytes the index's memory
     */
    public record Result(long pages, Stats query, Stats searchable, long indexBytes) {
    }

    /** Words of the generated chapters, the figures' values, and a word found nowhere. */
    private static final List<String> QUERIES = List.of("défenseur", "defenseurs", "documenter", "l'ensemble", "chapitre 17",
            "prévenir réparer", "indicateur", "1 500", "œuvrent", "baleine");
    private static final Pattern GAUGE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)");

    private final Api api;
    private final LiveStream live;

    public SearchBenchmark(Api api, LiveStream live) {
        this.api = api;
        this.live = live;
    }

    /** {@code queries} queries after {@code warmup}; {@code edits} edits of the chapters {@code c1…}, each awaited until found. */
    public Result run(String edition, int warmup, int queries, int edits) {
        Stats query = new Stats();
        for (int i = 0; i < warmup + queries; i++) {
            String q = QUERIES.get(i % QUERIES.size());
            long started = System.nanoTime();
            Api.expect(200, api.getText(search(edition, q)));
            if (i >= warmup) {
                query.addNanos(System.nanoTime() - started);
            }
        }
        Stats searchable = new Stats();
        for (int i = 1; i <= edits; i++) {
            String slug = "c" + i;
            String word = "zq" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
            var chapter = Api.expect(200, api.getText("/api/editions/" + edition + "/chapters/" + slug));
            Map<String, Object> current = Json.read(chapter.body());
            int from = live.mark();
            var edited = Api.expect(200, api.put("/api/editions/" + edition + "/chapters/" + slug, "demo-admin", Api.etag(chapter),
                    Json.write(Map.of("title", current.get("title"), "body", current.get("body") + "\n\nUn mot " + word + "."))));
            long revision = Api.revision(edited);
            String source = "chapter:" + edition + "/" + slug;
            long served = live.await(from, n -> n.path().equals("/" + edition + "/" + slug) && n.builtFrom(source, revision),
                    Duration.ofMinutes(1)).arrivedNanos();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!api.getText(search(edition, word)).body().contains("\"/" + edition + "/" + slug + "\"")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(word + " was not found 30 s after " + slug + " was served with it");
                }
            }
            searchable.addNanos(System.nanoTime() - served);
        }
        return new Result(gauge("report.search.pages"), query, searchable, gauge("report.search.index.bytes"));
    }

    private static String search(String edition, String words) {
        return "/api/search?edition=" + edition + "&q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    private long gauge(String name) {
        Matcher value = GAUGE.matcher(Api.expect(200, api.getText("/actuator/metrics/" + name)).body());
        if (!value.find()) {
            throw new IllegalStateException("no value for the gauge " + name);
        }
        return (long) Double.parseDouble(value.group(1));
    }
}
