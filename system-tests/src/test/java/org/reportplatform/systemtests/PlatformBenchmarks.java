package org.reportplatform.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.reportplatform.systemtests.benchmarks.Api;
import org.reportplatform.systemtests.benchmarks.EditToLive;
import org.reportplatform.systemtests.benchmarks.OnCluster;
import org.reportplatform.systemtests.benchmarks.HugoSite;
import org.reportplatform.systemtests.benchmarks.IndicatorChanges;
import org.reportplatform.systemtests.benchmarks.LargeReport;
import org.reportplatform.systemtests.benchmarks.LiveStream;
import org.reportplatform.systemtests.benchmarks.Machine;
import org.reportplatform.systemtests.benchmarks.Memory;
import org.reportplatform.systemtests.benchmarks.SearchBenchmark;
import org.reportplatform.systemtests.benchmarks.Microbenchmarks;
import org.reportplatform.systemtests.benchmarks.Nginx;
import org.reportplatform.systemtests.benchmarks.PdfRebuild;
import org.reportplatform.systemtests.benchmarks.ReportDocument;
import org.reportplatform.systemtests.benchmarks.Results;
import org.reportplatform.systemtests.benchmarks.ServingRate;
import org.reportplatform.systemtests.benchmarks.SourceLanguageOnly;
import org.reportplatform.systemtests.benchmarks.Settings;
import org.reportplatform.systemtests.benchmarks.Wrk;

/**
 * The benchmark report: {@code ./benchmark.sh} (or {@code ./mvnw -pl system-tests -Pbenchmark-report verify}
 * once wrk, nginx and hugo are installed) runs this, and it regenerates {@code docs/benchmarks.md}
 * and its charts. Not a test: the normal build never runs it.
 *
 * <p>It lives in this package because it starts the platform with the system tests' own
 * {@link KafkaServerProcess} and {@link Platform}; the measurements are in {@code benchmarks/}. In order:
 * <ol>
 * <li>the JMH micro-benchmarks (first, while nothing else runs);</li>
 * <li>a broker process and the four services (run.sh's JVM options), the demo report loaded:
 * memory at rest, then edit to live, one indicator change, PDF rebuilds, wrk against the gateway and
 * nginx (memory sampled throughout), and Hugo building the same report;</li>
 * <li>a new broker and services, the large report generated through the API: memory, indicator
 * changes, Hugo building it.</li>
 * </ol>
 */
class PlatformBenchmarks {

    private static final String DEMO = "2024";
    private static final String LARGE = "2099";

    @Test
    void measureThePlatformNextToItsPeersAndWriteTheReport() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Settings settings = Settings.fromSystemProperties();
        for (String tool : List.of("/usr/bin/wrk", "/usr/sbin/nginx", "/usr/bin/hugo")) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new IllegalStateException(tool + " is missing: ./benchmark.sh installs it (apt-get install wrk nginx hugo)");
            }
        }
        Files.createDirectories(settings.work());
        long started = System.nanoTime();
        Machine machine = Machine.current();
        String loadBefore = Machine.loadAverage();
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("wrk", Wrk.version().replaceAll(" Copyright.*", ""));
        versions.put("nginx", Nginx.version().replaceFirst("^nginx version: ", ""));
        versions.put("hugo", HugoSite.version().replaceFirst("^hugo ", "Hugo ").replaceAll(" BuildDate.*", ""));

        List<Microbenchmarks.Result> jmh = settings.jmh() ? Microbenchmarks.run(settings) : List.of();
        progress("JMH done", started);

        // --- the demo report
        EditToLive.Result editToLive;
        IndicatorChanges.Result demoIndicator;
        PdfRebuild.Result pdf;
        ServingRate.Result serving;
        HugoSite.Result hugoDemo;
        EditToLive.Result editToLiveSourceOnly;
        EditToLive.Result editToLiveLanguagesBack;
        List<String> languagesRemoved;
        Map<String, Long> demoRest;
        Map<String, Long> demoLoad;
        long demoReadyMs;
        try (KafkaServerProcess broker = KafkaServerProcess.start(settings.work().resolve("broker-demo-" + System.currentTimeMillis()))) {
            long starting = System.nanoTime();
            try (Platform platform = Platform.start(broker.bootstrapServers(), true, Platform.RUN_SH_JVM)) {
                Api api = new Api(platform.gatewayUrl());
                awaitServed(api, "/" + DEMO + "/");
                awaitServed(api, "/" + DEMO + "/report.pdf");
                demoReadyMs = (System.nanoTime() - starting) / 1_000_000;
                Map<String, Supplier<List<Long>>> processes = processes(platform, broker);
                try (LiveStream live = LiveStream.open(platform.gatewayUrl(), "demo-webteam")) {
                    live.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(2));
                    demoRest = Memory.snapshot(processes);
                    progress("demo platform ready", started);
                    try (Memory sampler = Memory.sampling(processes)) {
                        editToLive = editsOfEnfants(api, live, settings);
                        progress("edit to live done", started);
                        demoIndicator = new IndicatorChanges(api, live).run("demo", DEMO, "sos-defenders.cases", "/" + DEMO + "/defenseurs",
                                "demo-defenseurs", Math.min(10, settings.warmupEdits()), settings.indicatorEdits());
                        pdf = new PdfRebuild(api, live).run(DEMO, "enfants", "demo-enfants", settings.pdfEdits());
                        progress("indicator and PDF done", started);
                        serving = new ServingRate(api, settings.work()).run(DEMO, settings);
                        demoLoad = sampler.peaks();
                    }
                    progress("wrk done", started);
                    hugoDemo = new HugoSite(api, settings.work()).build("demo", DEMO, settings.hugoRuns());
                    // Last on this platform (the other figures are the three languages'): the same edits in the
                    // source language only, then in every language again, so that the order of the runs shows.
                    SourceLanguageOnly oneLanguage = new SourceLanguageOnly(api, live);
                    SourceLanguageOnly.Removed removed = oneLanguage.apply(DEMO);
                    languagesRemoved = removed.languages();
                    editToLiveSourceOnly = editsOfEnfants(api, live, settings);
                    oneLanguage.restore(DEMO, removed);
                    editToLiveLanguagesBack = editsOfEnfants(api, live, settings);
                    progress("edit to live in the source language only, then in every language again, done", started);
                }
            }
        }

        // --- the demo report again, with Kafka as a three-node cluster (replication 3, two in sync)
        OnCluster cluster;
        try (KafkaCluster kafka = KafkaCluster.start(settings.work().resolve("cluster-demo-" + System.currentTimeMillis()))) {
            long starting = System.nanoTime();
            try (Platform platform = Platform.start(kafka.bootstrapServers(), true, Platform.RUN_SH_JVM, KafkaCluster.serviceEnvironment(),
                    settings.work().resolve("cluster-logs-" + System.currentTimeMillis()))) {
                Api api = new Api(platform.gatewayUrl());
                awaitServed(api, "/" + DEMO + "/");
                awaitServed(api, "/" + DEMO + "/report.pdf");
                long readyMs = (System.nanoTime() - starting) / 1_000_000;
                try (LiveStream live = LiveStream.open(platform.gatewayUrl(), "demo-webteam")) {
                    live.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(2));
                    EditToLive.Result edits = editsOfEnfants(api, live, settings);
                    cluster = new OnCluster(readyMs, edits, new ServingRate(api, settings.work()).gatewayOnly(DEMO, settings));
                }
            }
        }
        progress("cluster done", started);

        // --- the large report, on a platform of its own
        LargeReport.Result large;
        IndicatorChanges.Result largeIndicator;
        HugoSite.Result hugoLarge;
        Map<String, Long> largeRest;
        Map<String, Long> largePeak;
        SearchBenchmark.Result search;
        try (KafkaServerProcess broker = KafkaServerProcess.start(settings.work().resolve("broker-large-" + System.currentTimeMillis()));
                Platform platform = Platform.start(broker.bootstrapServers(), false, largeReportJvm(settings));
                LiveStream live = LiveStream.open(platform.gatewayUrl(), "demo-webteam")) {
            Api api = new Api(platform.gatewayUrl());
            Map<String, Supplier<List<Long>>> processes = processes(platform, broker);
            try (Memory sampler = Memory.sampling(processes)) {
                large = new LargeReport(api, live).generate(LARGE, settings.largeChapters(), settings.largeIndicators());
                largeRest = Memory.snapshot(processes);
                progress("large report generated", started);
                int middle = (settings.largeIndicators() + 1) / 2;
                largeIndicator = new IndicatorChanges(api, live).run("large", LARGE, LargeReport.indicatorId(middle),
                        "/" + LARGE + "/c" + LargeReport.chapterCiting(middle, settings.largeChapters(), settings.largeIndicators()),
                        "demo-admin", Math.min(10, settings.warmupEdits()), settings.indicatorEdits());
                largePeak = sampler.peaks();
            }
            search = new SearchBenchmark(api, live).run(LARGE, 1_000, 10_000, 1_000, Math.min(settings.largeChapters(), 50));
            progress("search done", started);
            hugoLarge = new HugoSite(api, settings.work()).build("large", LARGE, settings.hugoRuns());
            progress("large report done", started);
        }

        Results results = new Results(machine, settings, loadBefore, Machine.loadAverage(), versions, jmh, demoReadyMs, editToLive,
                demoIndicator, pdf, serving, hugoDemo, demoRest, demoLoad, large, largeIndicator, hugoLarge, largeRest, largePeak,
                search, cluster, editToLiveSourceOnly, editToLiveLanguagesBack, languagesRemoved,
                (System.nanoTime() - started) / 1_000_000_000);
        Path report = new ReportDocument(results).write();
        System.out.println("Benchmark report written: " + report + " (" + results.totalSeconds() + " s)");
    }

    /** Edit to live on the demo report: the chapter {@code enfants} edited by its team, after the warm-up edits. */
    private static EditToLive.Result editsOfEnfants(Api api, LiveStream live, Settings settings) {
        return new EditToLive(api, live).run(DEMO, "enfants", "demo-enfants", settings.warmupEdits(), settings.edits());
    }

    /** run.sh's JVM options with a larger heap: render-service needs it for the large report (and its PDF). */
    private static Platform.JvmOptions largeReportJvm(Settings settings) {
        return Platform.RUN_SH_JVM.withHeap(settings.largeHeap());
    }

    /** The measured processes by name: the four services and the broker. */
    private static Map<String, Supplier<List<Long>>> processes(Platform platform, KafkaServerProcess broker) {
        Map<String, Supplier<List<Long>>> processes = new LinkedHashMap<>();
        processes.put("Kafka broker", () -> List.of(broker.pid()));
        for (String name : List.of("content-service", "figures-service", "render-service", "gateway")) {
            ServiceProcess service = platform.service(name);
            processes.put(name, () -> List.of(service.pid()));
        }
        return processes;
    }

    private static void awaitServed(Api api, String path) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (api.status(path) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " was not served within 3 minutes");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void progress(String step, long started) {
        System.out.printf("[benchmark] %s after %d s (load %s)%n", step, (System.nanoTime() - started) / 1_000_000_000, Machine.loadAverage());
    }
}
