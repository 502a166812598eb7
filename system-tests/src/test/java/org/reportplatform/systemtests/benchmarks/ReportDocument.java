package org.reportplatform.systemtests.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reportplatform.platform.testing.RunConfiguration;

/**
 * Writes {@code docs/benchmarks.md} and its charts ({@code docs/benchmarks/*.svg}) from one run's
 * results: the ratios first (they travel between machines), then each figure with how it was
 * measured, then the machine.
 */
public final class ReportDocument {

    private final Results r;
    private final Path file;
    private final Charts charts;
    private final String chartsFolder;
    private final StringBuilder md = new StringBuilder();

    public ReportDocument(Results results) {
        this.r = results;
        this.file = results.settings().reportFile();
        this.charts = new Charts(results.settings().chartsDirectory());
        this.chartsFolder = results.settings().chartsDirectory().getFileName().toString();
    }

    public Path write() {
        drawCharts();
        header();
        headline();
        editToLive();
        indicatorCost();
        pdf();
        search();
        serving();
        cluster();
        hugo();
        memory();
        microbenchmarks();
        machine();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    // --- the charts

    private void drawCharts() {
        Stats served = r.editToLive().served();
        Map<String, List<Double>> latencies = new LinkedHashMap<>();
        latencies.put("PUT → live notice (SSE)", r.editToLive().notice().samples());
        latencies.put("PUT → new bytes served", served.samples());
        charts.histogram("edit-to-live.svg", "Edit to live: " + served.count() + " chapter edits, demo report", latencies,
                Math.max(served.percentile(99), r.editToLive().notice().percentile(99)) * 1.25);

        Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
        rates.put("nginx " + versionNumber("nginx"), Map.of("requests/s", r.serving().nginx().requestsPerSecond()));
        rates.put("the platform's gateway", Map.of("requests/s", r.serving().gateway().requestsPerSecond()));
        charts.bars("request-rates.svg", "Serving the demo report's " + r.serving().pages() + " pages (wrk -c" + r.serving().connections() + ")",
                "requests per second", rates, true);

        Map<String, Map<String, Double>> indicator = new LinkedHashMap<>();
        for (String p : List.of("p50", "p95", "p99")) {
            Map<String, Double> bySize = new LinkedHashMap<>();
            bySize.put("demo report (" + r.hugoDemo().chapters() + " chapters)", pick(r.demoIndicator().latency(), p));
            bySize.put("large report (" + r.large().chapters() + " chapters, " + r.large().indicators() + " indicators)",
                    pick(r.largeIndicator().latency(), p));
            indicator.put(p, bySize);
        }
        charts.bars("indicator-change.svg", "One indicator change → citing page live (ms)", "milliseconds", indicator, false);

        Map<String, Map<String, Double>> publish = new LinkedHashMap<>();
        publish.put("demo report", Map.of("Hugo: full build", r.hugoDemo().build().p50(),
                "platform: edit to live (p50)", r.editToLive().served().p50()));
        publish.put("large report", Map.of("Hugo: full build", r.hugoLarge().build().p50(),
                "platform: edit to live (p50)", r.largeIndicator().latency().p50()));
        charts.bars("publish-time.svg", "Time for a change to be published (ms)", "milliseconds", ordered(publish,
                List.of("Hugo: full build", "platform: edit to live (p50)")), false);

        Map<String, Map<String, Double>> memory = new LinkedHashMap<>();
        for (String process : r.demoRestKb().keySet()) {
            Map<String, Double> phases = new LinkedHashMap<>();
            phases.put("demo, at rest", mb(r.demoRestKb().get(process)));
            phases.put("demo, under load", mb(r.demoLoadKb().get(process)));
            phases.put("large, at rest", mb(r.largeRestKb().get(process)));
            phases.put("large, peak", mb(r.largeLoadPeakKb().get(process)));
            memory.put(process, phases);
        }
        Map<String, Double> nginx = new LinkedHashMap<>();
        nginx.put("demo, at rest", mb(r.serving().nginxRestKb()));
        nginx.put("demo, under load", mb(r.serving().nginxPeakKb()));
        memory.put("nginx (peer)", nginx);
        charts.bars("memory.svg", "Resident memory (RSS, MB)", "MB", memory, true, 640);

        if (!r.jmh().isEmpty()) {
            Map<String, Map<String, Double>> jmh = new LinkedHashMap<>();
            r.jmh().forEach(result -> jmh.put(result.name(), Map.of("µs per operation", result.microseconds())));
            charts.bars("jmh.svg", "Hot inner loops (JMH, µs per operation)", "microseconds", jmh, true);
        }
    }

    private static Map<String, Map<String, Double>> ordered(Map<String, Map<String, Double>> values, List<String> series) {
        Map<String, Map<String, Double>> ordered = new LinkedHashMap<>();
        values.forEach((category, bySeries) -> {
            Map<String, Double> inOrder = new LinkedHashMap<>();
            series.forEach(s -> inOrder.put(s, bySeries.get(s)));
            ordered.put(category, inOrder);
        });
        return ordered;
    }

    private static double pick(Stats stats, String percentile) {
        return stats.percentile(Double.parseDouble(percentile.substring(1)));
    }

    private static double mb(Long kb) {
        return kb == null ? 0 : Math.round(kb / 1024.0);
    }

    // --- the text

    private void header() {
        line("# Benchmarks: the platform next to its peers");
        line();
        line("_Generated by `./benchmark.sh` on " + r.machine().date() + " (" + r.totalSeconds() + " s). Do not edit: run it again._");
        line();
        line("One run measures the platform as it runs for users (Apache Kafka's broker and the four services as separate processes,");
        line("with `./run.sh`'s JVM options), on the demo report and on a generated large report, next to the tools a team would otherwise");
        line("use: nginx to serve the same files, Hugo to build the same report as a static site. Absolute times depend on the machine");
        line("(below, with its load while it ran); the ratios travel better, so they come first.");
        line();
    }

    private void headline() {
        double hugoVsEdit = r.hugoDemo().build().p50() / r.editToLive().served().p50();
        double hugoVsEditLarge = r.hugoLarge().build().p50() / r.largeIndicator().latency().p50();
        double growth = r.largeIndicator().latency().p50() / r.demoIndicator().latency().p50();
        line("## Headline");
        line();
        line("| ratio | value | from |");
        line("| --- | ---: | --- |");
        line(f("| gateway request rate / nginx request rate (same pages, same bytes) | **%.2f** | %,.0f / %,.0f requests/s |",
                r.serving().ratio(), r.serving().gateway().requestsPerSecond(), r.serving().nginx().requestsPerSecond()));
        line(f("| Hugo full build / platform edit-to-live (demo report, p50) | **%.1f×** | %,.0f ms / %,.0f ms |", hugoVsEdit,
                r.hugoDemo().build().p50(), r.editToLive().served().p50()));
        line(f("| Hugo full build / platform indicator change to live (large report, p50) | **%.1f×** | %,.0f ms / %,.0f ms |", hugoVsEditLarge,
                r.hugoLarge().build().p50(), r.largeIndicator().latency().p50()));
        line(f("| one indicator change, large report / demo report (p50) | **%.2f×** | %,.0f ms / %,.0f ms |", growth,
                r.largeIndicator().latency().p50(), r.demoIndicator().latency().p50()));
        long platformRest = total(r.demoRestKb());
        line(f("| resident memory at rest, broker + 4 services / nginx | **%.0f×** | %,d MB / %,d MB |",
                platformRest / (double) Math.max(1, r.serving().nginxRestKb()), platformRest / 1024, r.serving().nginxRestKb() / 1024));
        line();
        line(f("An edit is live in %.0f ms (p50; p99 %.0f ms) from the PUT to the new bytes served; Hugo takes %.0f ms to rebuild the same",
                r.editToLive().served().p50(), r.editToLive().served().p99(), r.hugoDemo().build().p50()));
        line("report from scratch, before any upload. " + (r.serving().ratio() < 1
                ? f("Serving, the gateway keeps %.0f %% of nginx's request rate on the same pages", 100 * r.serving().ratio())
                : f("Serving, the gateway answers %.1f× nginx's request rate on the same pages", r.serving().ratio()))
                + ", while also being the API, live-stream and sign-in entry point.");
        line();
    }

    private void editToLive() {
        EditToLive.Result e = r.editToLive();
        line("## Edit to live");
        line();
        line(f("%d edits of the chapter `%s`, one at a time, each a `PUT` on the gateway by the owning team (after %d warm-up edits not counted).",
                e.served().count(), e.path(), e.warmup()));
        line("Each is timed from just before the PUT until (a) the gateway's live stream (`/api/live`, SSE) announces the page rebuilt");
        line("from the revision the PUT answered, and (b) a `GET` of the page (polled with `If-None-Match`, 304 until it changes) returns");
        line("the new bytes. \"In the platform\" is the notice's own `latencyMs`: from the write accepted by content-service to the page");
        line("published by render-service; \"in the gateway\" from the page published to the gateway serving it (read from Kafka).");
        line();
        line("| from the PUT to | p50 ms | p95 ms | p99 ms | max ms | n |");
        line("| --- | ---: | ---: | ---: | ---: | ---: |");
        row("the PUT answered (written to Kafka, committed)", e.put());
        row("the live notice (SSE) received", e.notice());
        row("the new bytes served by the gateway", e.served());
        row("in the platform: accepted → published", e.inPlatform());
        row("in the gateway: published → served", e.toGateway());
        line();
        image("edit-to-live.svg", "Histogram of edit-to-live latencies");
        line();
        languagesCost();
    }

    /** The same edits once the edition is in its source language only, then in every language again: what the languages cost. */
    private void languagesCost() {
        EditToLive.Result three = r.editToLive();
        EditToLive.Result one = r.editToLiveSourceOnly();
        EditToLive.Result back = r.editToLiveLanguagesBack();
        int languages = 1 + r.languagesRemoved().size();
        line("### What the languages cost an edit");
        line();
        line(f("The same edits (%d after %d warm-up ones) twice more at the end of the demo platform's run: after an admin removed the",
                one.served().count(), one.warmup()));
        line(f("edition's target languages (%s: `PUT /api/editions/%s` with none) and their pages and PDFs were gone, then once",
                String.join(", ", r.languagesRemoved()), three.path().split("/")[1]));
        line("they were given back and rendered again. The chapter edited is not translated: in every language, each edit changes its");
        line("page in each of them (the French text with the notice) and dirties each language's PDF.");
        line();
        line("| edition | PUT answered p50 / p99 ms | accepted → published p50 / p99 ms | new bytes served p50 / p95 / p99 ms |");
        line("| --- | ---: | ---: | ---: |");
        languagesRow(f("in %d languages (the run above)", languages), three);
        languagesRow("in its source language only", one);
        languagesRow(f("in %d languages again", languages), back);
        line();
        line(f("%d languages / one, new bytes served: **%.2f×** at p50 and **%.2f×** at p99 in the first run, **%.2f×** and **%.2f×** in the",
                languages, three.served().p50() / one.served().p50(), three.served().p99() / one.served().p99(),
                back.served().p50() / one.served().p50(), back.served().p99() / one.served().p99()));
        line("last (target: within 10 %).");
        line();
    }

    private void languagesRow(String label, EditToLive.Result e) {
        line(f("| %s | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f / %.1f |", label, e.put().p50(), e.put().p99(), e.inPlatform().p50(),
                e.inPlatform().p99(), e.served().p50(), e.served().percentile(95), e.served().p99()));
    }

    private void indicatorCost() {
        line("## The cost of one indicator change as the report grows");
        line();
        line(f("One key figure changed again and again (`PUT` of its value on the gateway, one change at a time), timed until the live"));
        line("stream announces the chapter page citing it rebuilt from that revision; on the demo report and on a generated report of");
        line(f("%,d chapters and %,d indicators (generated through the API: the indicators by CSV import, the chapters one PUT each, each",
                r.large().chapters(), r.large().indicators()));
        line("citing 10 figures). \"Pages per change\" counts the page notices that carried the changed revision: the render service is");
        line("built to rebuild only the pages that use the figure (the citing chapter, the key-figures page listing it); this column shows");
        line("what it did on each report.");
        line();
        line("| report | indicator → page | p50 ms | p95 ms | p99 ms | max ms | n | pages per change |");
        line("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (IndicatorChanges.Result i : List.of(r.demoIndicator(), r.largeIndicator())) {
            Stats.Summary s = i.latency().summary();
            line(f("| %s | `%s` → `%s` | %.1f | %.1f | %.1f | %.1f | %d | %.1f |", i.report(), i.indicator(), i.citingPage(), s.p50(), s.p95(),
                    s.p99(), s.max(), s.n(), i.pagesPerChange()));
        }
        line();
        LargeReport.Result l = r.large();
        line(f("Generating the large report: %,d indicators imported in %,d ms, %,d chapters written in %,d ms (one PUT each);", l.indicators(),
                l.importMs(), l.chapters(), l.chaptersMs()));
        line(f("every page served %,d ms and the PDF of the whole report (its live notice) %,d ms after the first request.", l.pagesServedMs(),
                l.pdfServedMs()));
        line();
        image("indicator-change.svg", "Indicator change latency, demo and large report");
    }

    private void pdf() {
        PdfRebuild.Result p = r.pdf();
        line("## PDF rebuild (demo report)");
        line();
        line(f("%d chapter edits, each after a quiet moment, timed from the PUT until the live stream announces `%s` rebuilt from it",
                p.latency().count(), p.document()));
        line(f("(%,d bytes). The render service rebuilds the PDF off the page path, at most once per document window (1 s), after the",
                p.bytes()));
        line("sources have been quiet for 250 ms: the figure includes that wait, by design.");
        line();
        line("| from the PUT to | p50 ms | p95 ms | p99 ms | max ms | n |");
        line("| --- | ---: | ---: | ---: | ---: | ---: |");
        row("the PDF's live notice", p.latency());
        row("in the platform: accepted → PDF published", p.inPlatform());
        line();
    }

    private void search() {
        SearchBenchmark.Result s = r.search();
        line(f("## Search (large report, %,d pages indexed)", s.pages()));
        line();
        line("Each gateway holds its own in-memory Lucene index of the public pages, fed by the reader that keeps its view of the");
        line("report (docs/search.md). Queries of the generated chapters' words and figures through the gateway (`GET /api/search`,");
        line("one at a time, as a client sees them): at rest, once the report's PDF is rebuilt from the last change, soon after the");
        line(f("gateway started (after %,d warm-up queries: its JIT is still compiling the search path), then warm (after %,d", s.earlyWarmup(), s.warmup()));
        line("queries in all); then after an edit, while render-service rebuilds the PDF of the whole report (a core busy), until its");
        line("notice. Chapter edits timed from the page's live notice (the gateway serves it) until the word added is found.");
        line();
        line("| measured | p50 ms | p95 ms | p99 ms | max ms | n |");
        line("| --- | ---: | ---: | ---: | ---: | ---: |");
        row(f("a query, soon after start (after %,d queries)", s.earlyWarmup()), s.queryEarly());
        row(f("a query, at rest and warm (after %,d queries; target p99 ≤ 10 ms)", s.warmup()), s.query());
        row("the same client's floor: the report's index page, between two of those queries", s.pageAtRest());
        row("a query, while the PDF is rebuilt", s.queryWhileRendering());
        row("page served → searchable (target p99 ≤ 100 ms)", s.searchable());
        line();
        line(f("The index takes %,.1f MB (its files in memory, the writer's buffer and the pages' texts; target ≤ 50 MB).", s.indexBytes() / 1e6));
        line();
    }

    private void serving() {
        ServingRate.Result s = r.serving();
        line("## Serving: the gateway next to nginx");
        line();
        line(f("`wrk -t%d -c%d -d%ds` on the loopback interface requests the demo report's %d pages (the index and every page it links to,",
                s.threads(), s.connections(), s.seconds(), s.pages()));
        line("in turn) from the gateway, then the very same bytes, saved to files, from nginx (`sendfile`, keep-alive, no access log,");
        line("one worker per core); each after a warm-up. Both answer 200 with the full page (no compression asked).");
        line();
        line("| server | requests/s | latency p50 | latency p99 | errors |");
        line("| --- | ---: | ---: | ---: | ---: |");
        line(f("| the platform's gateway | %,.0f | %s | %s | %d |", s.gateway().requestsPerSecond(), s.gateway().p50(), s.gateway().p99(),
                s.gateway().errors()));
        line(f("| %s | %,.0f | %s | %s | %d |", r.versions().getOrDefault("nginx", "nginx"), s.nginx().requestsPerSecond(), s.nginx().p50(),
                s.nginx().p99(), s.nginx().errors()));
        line(f("| **ratio gateway / nginx** | **%.2f** | | | |", s.ratio()));
        line();
        line("wrk, the gateway and nginx share the machine's cores, as they would on a small server.");
        line();
        image("request-rates.svg", "Request rates, gateway and nginx");
    }

    private void cluster() {
        OnCluster c = r.cluster();
        EditToLive.Result one = r.editToLive();
        EditToLive.Result three = c.editToLive();
        line("## On a three-node Kafka cluster");
        line();
        line("The demo report again, on a platform of its own whose Kafka is three nodes (KRaft, every topic replicated 3 times,");
        line("`min.insync.replicas` 2: `deploy/kafka-cluster.properties`, as `./run.sh --cluster` and docker-compose run it), one instance");
        line("of each service. The same edits and the same wrk run as above; an acknowledged write is now on two nodes' disks at least.");
        line();
        line("| measured | single broker | three-node cluster |");
        line("| --- | ---: | ---: |");
        line(f("| PUT answered (committed), p50 / p99 ms | %.1f / %.1f | %.1f / %.1f |", one.put().p50(), one.put().p99(), three.put().p50(),
                three.put().p99()));
        line(f("| edit to the new bytes served, p50 / p99 ms | %.1f / %.1f | %.1f / %.1f |", one.served().p50(), one.served().p99(),
                three.served().p50(), three.served().p99()));
        line(f("| gateway requests/s (wrk) | %,.0f | %,.0f |", r.serving().gateway().requestsPerSecond(), c.gateway().requestsPerSecond()));
        line(f("| platform ready (services started, index and PDF served), s | %.1f | %.1f |", r.demoReadyMs() / 1000.0, c.readyMs() / 1000.0));
        line();
    }

    private void hugo() {
        line("## Publishing: Hugo's full build next to the platform's incremental edit");
        line();
        line("The same report built as a static site by Hugo (" + r.versions().getOrDefault("hugo", "hugo") + "): the benchmark writes one");
        line("Markdown file per chapter from the platform's API (figures replaced by their values, charts by their tables), the key");
        line("figures 250 to a page and the finances, and a minimal theme (site navigation, previous/next links, the index with the");
        line(f("contents). Each build is `hugo` from scratch (a new process, as a publishing pipeline runs it), %d times after one untimed",
                r.settings().hugoRuns()));
        line("build. A static site republishes after every change only once the build and the upload are done; the platform's figure is");
        line("the edit-to-live time above (the demo: a chapter edit; the large report: an indicator change).");
        line();
        line("| report | Hugo: pages | Hugo: full build p50 ms | min ms | platform: change to live p50 ms | ratio |");
        line("| --- | ---: | ---: | ---: | ---: | ---: |");
        line(f("| demo (%d chapters) | %,d | %,.0f | %,.0f | %,.0f | %.1f× |", r.hugoDemo().chapters(), r.hugoDemo().pages(), r.hugoDemo().build().p50(),
                r.hugoDemo().build().min(), r.editToLive().served().p50(), r.hugoDemo().build().p50() / r.editToLive().served().p50()));
        line(f("| large (%,d chapters, %,d indicators) | %,d | %,.0f | %,.0f | %,.0f | %.1f× |", r.hugoLarge().chapters(), r.hugoLarge().indicators(),
                r.hugoLarge().pages(), r.hugoLarge().build().p50(), r.hugoLarge().build().min(), r.largeIndicator().latency().p50(),
                r.hugoLarge().build().p50() / r.largeIndicator().latency().p50()));
        line();
        image("publish-time.svg", "Hugo full build and platform edit-to-live");
    }

    private void memory() {
        line("## Memory");
        line();
        line("Resident memory (RSS, `VmRSS` of `/proc/<pid>/status`) of each process, in MB. The broker is Apache Kafka's own server");
        line("in its own process (as `./run.sh` starts it; KRaft, one node); the services run with `./run.sh`'s JVM options");
        line(f("(`deploy/jvm-options.env`: `%s`; render-service `%s`), except on the large report: `-Xmx%s` (with less,",
                heapAndCollector(RunConfiguration.Role.SERVICE), heapAndCollector(RunConfiguration.Role.RENDER), r.settings().largeHeap()));
        line("render-service runs out of heap building the large report's tagged PDF: its structure tree, over 1,000 chapters and");
        line("10,000 key figures, holds about 650 MB while the PDF is built). At rest: started, report rendered, nothing happening for 3 s. Under load: the peak, sampled");
        line("every 200 ms, during the edits, the PDF rebuilds and the wrk runs (demo), and during the generation, rendering and changes");
        line("of the large report. nginx is master and workers, serving the demo's pages.");
        line();
        line("| process | demo, at rest | demo, under load | large, at rest | large, peak |");
        line("| --- | ---: | ---: | ---: | ---: |");
        for (String process : r.demoRestKb().keySet()) {
            line(f("| %s | %,d | %,d | %,d | %,d |", process, r.demoRestKb().get(process) / 1024, r.demoLoadKb().get(process) / 1024,
                    r.largeRestKb().get(process) / 1024, r.largeLoadPeakKb().get(process) / 1024));
        }
        line(f("| **broker + 4 services** | **%,d** | **%,d** | **%,d** | **%,d** |", total(r.demoRestKb()) / 1024, total(r.demoLoadKb()) / 1024,
                total(r.largeRestKb()) / 1024, total(r.largeLoadPeakKb()) / 1024));
        line(f("| nginx (peer) | %,d | %,d | | |", r.serving().nginxRestKb() / 1024, r.serving().nginxPeakKb() / 1024));
        line();
        line(f("The demo platform was ready (services started against a running broker, report and PDF served) in %.1f s.",
                r.demoReadyMs() / 1000.0));
        line();
        image("memory.svg", "Resident memory per process");
    }

    private void microbenchmarks() {
        line("## Hot inner loops (JMH)");
        line();
        if (r.jmh().isEmpty()) {
            line("_Not run (`-Dbenchmark.jmh=false`)._");
            line();
            return;
        }
        line(f("JMH %s, one fork (`%s`, as the services), 3 warm-up and 5 measured iterations of %d s, average",
                "1.37", heapAndCollector(RunConfiguration.Role.SERVICE), r.settings().jmhSeconds()));
        line("time per operation (± JMH's 99.9 % confidence margin). `PageRendering.render`: one chapter page of the demo report (the");
        line("president's message: Markdown with 8 figures resolved and formatted, sanitised, in the jte page template), as the render");
        line("service does it for an edit. `AvroSerde`: the platform's Kafka serde (Avro single-object encoding) on the chapter event a");
        line("writer publishes and on the rendered page the render service publishes and the gateway reads.");
        line();
        line("| benchmark | µs per operation | ± | operations/s |");
        line("| --- | ---: | ---: | ---: |");
        r.jmh().forEach(j -> line(f("| `%s` | %.2f | %.2f | %,.0f |", j.name(), j.microseconds(), j.error(), j.perSecond())));
        line();
        image("jmh.svg", "JMH results");
    }

    private void machine() {
        Machine m = r.machine();
        line("## The machine");
        line();
        line("| | |");
        line("| --- | --- |");
        line(f("| cores | %d (%s) |", m.cores(), m.cpu()));
        line(f("| memory | %,d MB |", m.memoryMb()));
        line(f("| system | %s, Linux %s |", m.os(), m.kernel()));
        line(f("| JDK | %s |", m.jdk()));
        line(f("| date | %s |", m.date()));
        line(f("| load average (1 / 5 / 15 min) | %s before, %s after |", r.loadBefore(), r.loadAfter()));
        r.versions().forEach((tool, version) -> line(f("| %s | %s |", tool, version)));
        line();
        line("Sizes of this run: " + f("%d edits (+%d warm-up), %d indicator changes per report, %d PDF rebuilds, wrk %d s per server,",
                r.settings().edits(), r.settings().warmupEdits(), r.settings().indicatorEdits(), r.settings().pdfEdits(), r.settings().wrkSeconds())
                + f(" large report %,d chapters / %,d indicators, %d Hugo builds per report.", r.settings().largeChapters(),
                r.settings().largeIndicators(), r.settings().hugoRuns()));
        line("Run it yourself: `./benchmark.sh` (see the README's Benchmarks section for its options).");
    }

    // --- helpers

    private void row(String what, Stats stats) {
        Stats.Summary s = stats.summary();
        line(f("| %s | %.1f | %.1f | %.1f | %.1f | %d |", what, s.p50(), s.p95(), s.p99(), s.max(), s.n()));
    }

    private void image(String svg, String alt) {
        line("![" + alt + "](" + chartsFolder + "/" + svg + ")");
        line();
    }

    private static long total(Map<String, Long> kb) {
        return kb.values().stream().mapToLong(Long::longValue).sum();
    }

    private String versionNumber(String tool) {
        return r.versions().getOrDefault(tool, "").replaceAll("^.*?([0-9][0-9.]*).*$", "$1");
    }

    /** A role's heap ceiling and collector, as deploy/jvm-options.env gives them (e.g. {@code -Xmx192m -XX:+UseSerialGC}). */
    private static String heapAndCollector(RunConfiguration.Role role) {
        return String.join(" ", RunConfiguration.jvmOptions(role).stream()
                .filter(option -> option.startsWith("-Xmx") || option.endsWith("GC")).toList());
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }

    private void line() {
        md.append('\n');
    }
}
