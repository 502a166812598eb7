package org.reportplatform.systemtests.benchmarks;

import java.nio.file.Path;
import org.reportplatform.platform.testing.RunConfiguration;

/**
 * The benchmark's sizes and durations, from {@code benchmark.*} system properties (so a developer
 * can run a small version: {@code ./benchmark.sh --quick}); the defaults are the figures.
 *
 * @param edits            timed chapter edits, PUT to live (default 500)
 * @param warmupEdits      edits made first and not counted (default 50): until the JIT has
 *                         compiled the edit path every hop is slower
 * @param indicatorEdits   timed indicator changes, on the demo report and on the large one (default 100)
 * @param pdfEdits         edits timed until the report PDF is published again (default 5)
 * @param wrkSeconds       seconds wrk loads the gateway, then nginx (default 10)
 * @param wrkConnections   wrk's connections (default 32)
 * @param wrkThreads       wrk's threads (default 2)
 * @param largeChapters    chapters of the generated large report (default 1,000)
 * @param largeIndicators  indicators of the generated large report (default 10,000)
 * @param largeHeap        the services' -Xmx on the large report (default 1g: the large report's
 *                         tagged PDF holds about 650 MB of heap while it is built)
 * @param hugoRuns         timed Hugo builds of each site (default 5, after one untimed)
 * @param jmh              whether the JMH micro-benchmarks run (default true)
 * @param jmhSeconds       seconds per JMH iteration (default 1; 3 warm-up and 5 measured iterations)
 * @param root             the repository (docs/ is written there)
 * @param work             where the run keeps its files (system-tests/target/benchmark-report)
 */
public record Settings(int edits, int warmupEdits, int indicatorEdits, int pdfEdits, int wrkSeconds, int wrkConnections,
        int wrkThreads, int largeChapters, int largeIndicators, String largeHeap, int hugoRuns, boolean jmh, int jmhSeconds, Path root, Path work) {

    public static Settings fromSystemProperties() {
        Path root = RunConfiguration.root();
        return new Settings(
                Integer.getInteger("benchmark.edits", 500),
                Integer.getInteger("benchmark.warmup-edits", 500),
                Integer.getInteger("benchmark.indicator-edits", 100),
                Integer.getInteger("benchmark.pdf-edits", 5),
                Integer.getInteger("benchmark.wrk-seconds", 10),
                Integer.getInteger("benchmark.wrk-connections", 32),
                Integer.getInteger("benchmark.wrk-threads", 2),
                Integer.getInteger("benchmark.large-chapters", 1_000),
                Integer.getInteger("benchmark.large-indicators", 10_000),
                System.getProperty("benchmark.large-heap", "1g"),
                Integer.getInteger("benchmark.hugo-runs", 5),
                Boolean.parseBoolean(System.getProperty("benchmark.jmh", "true")),
                Integer.getInteger("benchmark.jmh-seconds", 1),
                root,
                root.resolve("system-tests/target/benchmark-report"));
    }

    /** docs/benchmarks.md, or where benchmark.output points (a quick run need not overwrite the docs). */
    public Path reportFile() {
        String output = System.getProperty("benchmark.output", "");
        return output.isBlank() ? root.resolve("docs/benchmarks.md") : Path.of(output).toAbsolutePath();
    }

    /** The charts' folder, beside the report: docs/benchmarks/. */
    public Path chartsDirectory() {
        Path report = reportFile();
        String name = report.getFileName().toString().replaceFirst("\\.md$", "");
        return report.resolveSibling(name);
    }
}
