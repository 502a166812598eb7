package org.reportplatform.systemtests.benchmarks;

import java.time.Duration;
import java.util.Map;
import org.reportplatform.render.site.OutputId;

/**
 * The large report, generated through the platform's own API as an organisation would fill it:
 * the indicators by bulk CSV import (admin, 2,500 rows a file), then the chapters one PUT each
 * (admin, {@code If-None-Match: *}), each citing 10 figures. Then waits until the gateway serves
 * the last chapter and the last key-figures page, and announces the report PDF holding the last
 * chapter, and until the live stream is quiet.
 */
public final class LargeReport {

    /** Times in ms: the imports, the chapter PUTs, from the first request until every page was served, until the whole PDF was. */
    public record Result(String edition, int chapters, int indicators, long importMs, long chaptersMs, long pagesServedMs, long pdfServedMs) {
    }

    private static final int IMPORT_ROWS = 2_500;

    private final Api api;
    private final LiveStream live;

    public LargeReport(Api api, LiveStream live) {
        this.api = api;
        this.live = live;
    }

    public static String indicatorId(int n) {
        return String.format("i%05d", n);
    }

    /** The chapter whose page cites indicator {@code n}. */
    public static int chapterCiting(int n, int chapters, int indicators) {
        return (n - 1) / figuresPerChapter(chapters, indicators) + 1;
    }

    private static int figuresPerChapter(int chapters, int indicators) {
        return Math.max(1, indicators / chapters);
    }

    public Result generate(String edition, int chapters, int indicators) {
        int from = live.mark();
        long started = System.nanoTime();
        int perChapter = figuresPerChapter(chapters, indicators);
        for (int first = 1; first <= indicators; first += IMPORT_ROWS) {
            StringBuilder csv = new StringBuilder("id,type,value,label,unit,period,source,ownerTeam\n");
            for (int n = first; n < first + IMPORT_ROWS && n <= indicators; n++) {
                csv.append(indicatorId(n)).append(",INTEGER,").append(1_000 + n).append(",Indicateur ").append(n)
                        .append(",cas,2024,Source générée,c").append(chapterCiting(n, chapters, indicators)).append('\n');
            }
            var answer = api.post("/api/editions/" + edition + "/indicators:import", "demo-admin", "text/csv", csv.toString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("the import answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        long imported = System.nanoTime();
        for (int c = 1; c <= chapters; c++) {
            StringBuilder body = new StringBuilder("Un chapitre généré, où les défenseur.e.s œuvrent « ensemble » ")
                    .append("pour documenter, prévenir et réparer.\n\n");
            for (int f = 1; f <= perChapter; f++) {
                int n = (c - 1) * perChapter + f;
                if (n <= indicators) {
                    body.append(f == 1 ? "" : " ").append("Chiffre ").append(f).append(" : {{fig:").append(indicatorId(n)).append("}}.");
                }
            }
            String json = Json.write(Map.of("title", "Chapitre " + c, "body", body.toString(), "ownerTeam", "c" + c, "position", c));
            Api.expect(201, api.put("/api/editions/" + edition + "/chapters/c" + c, "demo-admin", "*", json));
        }
        long written = System.nanoTime();
        String lastKeyFiguresPage = new OutputId.KeyFiguresPage(edition, OutputId.KeyFiguresPage.count(indicators)).path();
        awaitServed("/" + edition + "/c" + chapters, "Chapitre " + chapters);
        awaitServed(lastKeyFiguresPage, "Indicateur " + indicators);
        long pagesServed = System.nanoTime();
        // the first PDF holding the last chapter (earlier ones, of a report still growing, do not count)
        String lastChapter = "chapter:" + edition + "/c" + chapters;
        long pdfServed = live.await(from, n -> n.path().equals("/" + edition + "/report.pdf") && n.sourceRevisions().containsKey(lastChapter),
                Duration.ofMinutes(10)).arrivedNanos();
        live.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(5));
        return new Result(edition, chapters, indicators, (imported - started) / 1_000_000, (written - imported) / 1_000_000,
                (pagesServed - started) / 1_000_000, (pdfServed - started) / 1_000_000);
    }

    private void awaitServed(String path, String text) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            var page = api.getText(path);
            if (page.statusCode() == 200 && page.body().contains(text)) {
                return;
            }
            LiveStream.sleep(250);
        }
        throw new IllegalStateException(path + " was not served within 10 minutes");
    }
}
