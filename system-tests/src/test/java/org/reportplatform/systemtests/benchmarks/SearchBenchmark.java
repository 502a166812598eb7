package org.reportplatform.systemtests.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search on a report: queries through the gateway ({@code GET /api/search}, one at a time), at rest
 * and while render-service rebuilds the report's PDF, the time from the gateway serving a changed
 * page (its live notice) to its new word being found, and the memory the gateway's index takes (its gauge {@code report.search.index.bytes}).
 */
public final class SearchBenchmark {

    /**
     * @param pages        pages in the gateway's index
     * @param earlyWarmup  queries made before those measured soon after start
     * @param queryEarly   the latency of one query soon after start: the gateway's JIT still compiling the search path
     * @param warmup       queries made before those measured at rest (all of them since start)
     * @param query        the latency of one query, as a client sees it, the platform at rest and warm
     * @param pageAtRest   the same client's floor: a page ({@code /{edition}/}) read between two of those queries
     * @param queryWhileRendering the same while render-service rebuilds the report's PDF (a core busy)
     * @param searchable   from the page's live notice to its new word found
     * @param indexBytes   the index's memory
     */
    public record Result(long pages, int earlyWarmup, Stats queryEarly, int warmup, Stats query, Stats pageAtRest, Stats queryWhileRendering,
            Stats searchable, long indexBytes) {
    }

    /** Words of the generated chapters, the figures' values, and a word found nowhere. */
    private static final List<String> QUERIES = List.of("défenseur", "defenseurs", "documenter", "l'ensemble", "chapitre 17",
            "prévenir réparer", "indicateur", "1 500", "œuvrent", "baleine");
    private static final Pattern GAUGE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)");
    private static final Duration PDF_TIMEOUT = Duration.ofMinutes(5);

    private final Api api;
    private final LiveStream live;

    public SearchBenchmark(Api api, LiveStream live) {
        this.api = api;
        this.live = live;
    }

    /**
     * At rest (once the report's PDF is rebuilt from the last change): {@code queries} queries after
     * {@code earlyWarmup}, then {@code queries} more once {@code warmup} queries in all were made;
     * then queries while the PDF is rebuilt after an edit, until its notice; then {@code edits} edits
     * of the chapters {@code c1…}, each awaited until found.
     */
    public Result run(String edition, int earlyWarmup, int warmup, int queries, int edits) {
        String pdf = "/" + edition + "/report.pdf";
        Edit settled = edit(edition, "c1", newWord());
        live.await(settled.mark(), settled.shownBy(pdf), PDF_TIMEOUT);
        Stats queryEarly = new Stats();
        Stats query = new Stats();
        Stats page = new Stats();
        for (int i = 0; i < warmup + queries; i++) {
            long nanos = query(edition, i);
            // the same client's floor: a page read from the gateway's memory, between two queries
            long started = System.nanoTime();
            Api.expect(200, api.getText("/" + edition + "/"));
            if (i >= earlyWarmup && i < earlyWarmup + queries) {
                queryEarly.addNanos(nanos);
            } else if (i >= warmup) {
                query.addNanos(nanos);
                page.addNanos(System.nanoTime() - started);
            }
        }

        Edit rendering = edit(edition, "c2", newWord());
        live.await(rendering.mark(), rendering.shownBy("/" + edition + "/c2"), Duration.ofMinutes(1));
        Stats queryWhileRendering = new Stats();
        long deadline = System.nanoTime() + PDF_TIMEOUT.toNanos();
        for (int i = 0; ; i++) {
            long nanos = query(edition, i);
            // only the queries answered before the PDF's notice: the render was under way all through them
            if (!live.since(rendering.mark(), rendering.shownBy(pdf)).isEmpty()) {
                break;
            }
            queryWhileRendering.addNanos(nanos);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pdf + " was not rebuilt " + PDF_TIMEOUT + " after an edit");
            }
        }

        Stats searchable = new Stats();
        for (int i = 1; i <= edits; i++) {
            String slug = "c" + i;
            String word = newWord();
            Edit edit = edit(edition, slug, word);
            long served = live.await(edit.mark(), edit.shownBy("/" + edition + "/" + slug), Duration.ofMinutes(1)).arrivedNanos();
            long wordDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!api.getText(search(edition, word)).body().contains("\"/" + edition + "/" + slug + "\"")) {
                if (System.nanoTime() > wordDeadline) {
                    throw new IllegalStateException(word + " was not found 30 s after " + slug + " was served with it");
                }
            }
            searchable.addNanos(System.nanoTime() - served);
        }
        return new Result(gauge("report.search.pages"), earlyWarmup, queryEarly, warmup, query, page, queryWhileRendering, searchable,
                gauge("report.search.index.bytes"));
    }

    /** The i-th query of the rotation, through the gateway: its time in nanoseconds. */
    private long query(String edition, int i) {
        long started = System.nanoTime();
        Api.expect(200, api.getText(search(edition, QUERIES.get(i % QUERIES.size()))));
        return System.nanoTime() - started;
    }

    /** A chapter edit that adds a word: the live stream's mark before it, the source and the revision written. */
    private record Edit(int mark, String source, long revision) {

        /** The notice of the output at {@code path} built from this edit (or later). */
        Predicate<LiveStream.Notice> shownBy(String path) {
            return notice -> notice.path().equals(path) && notice.builtFrom(source, revision);
        }
    }

    /** A word found nowhere in the report until an edit adds it. */
    private static String newWord() {
        return "zq" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    private Edit edit(String edition, String slug, String word) {
        var chapter = Api.expect(200, api.getText("/api/editions/" + edition + "/chapters/" + slug));
        Map<String, Object> current = Json.read(chapter.body());
        int from = live.mark();
        var edited = Api.expect(200, api.put("/api/editions/" + edition + "/chapters/" + slug, "demo-admin", Api.etag(chapter),
                Json.write(Map.of("title", current.get("title"), "body", current.get("body") + "\n\nUn mot " + word + "."))));
        return new Edit(from, "chapter:" + edition + "/" + slug, Api.revision(edited));
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
