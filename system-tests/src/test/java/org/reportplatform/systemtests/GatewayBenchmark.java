package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.systemtests.benchmarks.Nginx;
import org.reportplatform.systemtests.benchmarks.Wrk;

/**
 * The gateway's two performance targets, measured on this machine (not part of the normal test
 * run; {@code ./mvnw -pl system-tests -Pbenchmarks verify}, see docs/gateway.md):
 * <ol>
 * <li><b>Serving</b>: {@code wrk} requests the demo report's pages (the edition index and every
 * chapter, in turn) from the gateway, then the very same files from nginx on the loopback
 * interface, same duration and connections; target: the gateway at least half nginx's rate.
 * <li><b>Edit to live notice</b>: a chapter PUT through the gateway, timed until the live stream
 * ({@code /api/live}) announces the rebuilt page with the new revision; repeated (200 edits by
 * default); target: p99 under 100 ms.
 * </ol>
 * The platform runs as processes, the demo report loaded; the gateway measured is one more
 * process; every service runs with run.sh's JVM options.
 * Settings (system properties): {@code benchmark.duration} (s, default 10), {@code benchmark.connections}
 * (default 32), {@code benchmark.threads} (default 2), {@code benchmark.edits} (default 200),
 * {@code benchmark.warmup-edits} (default 500, made first and reported apart),
 * {@code benchmark.profile} (true: a JFR recording of the gateway while wrk measures it).
 * wrk and nginx are run by {@code benchmarks/Wrk} and {@code benchmarks/Nginx}, shared with the
 * benchmark report ({@link PlatformBenchmarks}).
 */
class GatewayBenchmark {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Path OUT = ROOT.resolve("system-tests/target/benchmark");
    private static final int DURATION = Integer.getInteger("benchmark.duration", 10);
    private static final int CONNECTIONS = Integer.getInteger("benchmark.connections", 32);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 2);
    private static final int EDITS = Integer.getInteger("benchmark.edits", 200);
    /** Edits made first and not counted: until the JIT has compiled the edit path, every hop is slower. */
    private static final int WARMUP_EDITS = Integer.getInteger("benchmark.warmup-edits", 500);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Platform platform;
    private static Process gateway;
    private static Nginx nginx;
    private static String gatewayUrl;

    @BeforeAll
    static void startThePlatformAndTheMeasuredGateway() throws IOException {
        for (String tool : List.of("/usr/bin/wrk", "/usr/sbin/nginx")) {
            assertThat(Path.of(tool)).as("%s is needed: apt-get install wrk nginx", tool).isExecutable();
        }
        Files.createDirectories(OUT);
        platform = Platform.start(kafka.bootstrapServers(), true, Platform.RUN_SH_JVM);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Platform.RUN_SH_JVM.service());
        command.addAll(List.of("-jar", ROOT.resolve("gateway/target/gateway-" + System.getProperty("platform.version", "0.1.0-SNAPSHOT")
                + "-exec.jar").toString(), "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(OUT.resolve("gateway.log").toFile());
        builder.environment().putAll(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SPRING_PROFILES_ACTIVE", "demo",
                "REPORT_GATEWAY_CONTENT_URI", platform.service("content-service").url(),
                "REPORT_GATEWAY_FIGURES_URI", platform.service("figures-service").url(),
                "REPORT_GATEWAY_RENDER_URI", platform.service("render-service").url()));
        gateway = builder.start();
        gatewayUrl = "http://127.0.0.1:" + port;
        await("the measured gateway ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(gatewayUrl + "/actuator/health/readiness") == 200);
        await("the demo report rendered").atMost(Duration.ofSeconds(60))
                .until(() -> status(gatewayUrl + "/2024/") == 200);
    }

    @AfterAll
    static void stopEverything() {
        if (nginx != null) {
            nginx.close();
        }
        stop(gateway);
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void servesTheReportAtLeastHalfAsFastAsNginxAndAnnouncesAnEditWithin100Ms() throws Exception {
        // The demo report's pages: the index and every chapter it links to, as served now
        List<String> pages = pages();
        Path site = Files.createTempDirectory(OUT, "site-");
        for (String page : pages) {
            byte[] bytes = get(gatewayUrl + page).body();
            Path file = site.resolve(page.substring(1) + (page.endsWith("/") ? "index.html" : ""));
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        }
        nginx = Nginx.serve(site, Files.createTempDirectory(OUT, "nginx-"));
        String nginxUrl = nginx.url();
        Wrk wrk = new Wrk(OUT, pages, THREADS, CONNECTIONS);
        for (String page : pages) {
            assertThat(get(nginxUrl + page).body()).as("nginx serves %s as the gateway does", page)
                    .isEqualTo(get(gatewayUrl + page).body());
        }

        String loadBefore = loadAverage();
        // Serving: warm both up, then measure each for the same time with the same load
        wrk.run(gatewayUrl, 10);
        wrk.run(nginxUrl, 3);
        if (Boolean.getBoolean("benchmark.profile")) {
            // A CPU profile of the gateway while it is measured: jfr print --events jdk.ExecutionSample target/benchmark/gateway.jfr
            new ProcessBuilder("jcmd", Long.toString(gateway.pid()), "JFR.start", "settings=profile", "duration=" + DURATION + "s",
                    "filename=" + OUT.resolve("gateway.jfr")).inheritIO().start().waitFor();
        }
        Wrk.Run gatewayRun = wrk.run(gatewayUrl, DURATION);
        Wrk.Run nginxRun = wrk.run(nginxUrl, DURATION);
        nginx.close();
        nginx = null;
        double ratio = gatewayRun.requestsPerSecond() / nginxRun.requestsPerSecond();

        // Edit to live notice: the services' steady state, after a warm-up reported on its own
        List<Double> cold = editToNotice(WARMUP_EDITS).stream().map(Timed::totalMs).sorted().toList();
        List<Timed> timed = editToNotice(EDITS);
        List<Double> latencies = timed.stream().map(Timed::totalMs).toList();
        List<Double> sorted = latencies.stream().sorted().toList();
        double p50 = percentile(sorted, 50);
        double p99 = percentile(sorted, 99);
        String segments = "  where the time goes (ms, p50 / p99): PUT to accepted by content-service " + segment(timed, Timed::accept)
                + "; accepted to published by render-service " + segment(timed, Timed::render)
                + "; published to served by the gateway " + segment(timed, Timed::deliver)
                + "; served to received on the stream " + segment(timed, Timed::stream) + "\n";

        String report = "Load average before / after (1, 5, 15 min; the machine is shared): " + loadBefore + " / " + loadAverage() + "\n" + """
                Gateway benchmark (%d pages of the demo report; wrk -t%d -c%d -d%ds, loopback, this machine: %d cores)
                  gateway: %,.0f requests/s (latency p50 %s, p99 %s, %d errors)
                  nginx:   %,.0f requests/s (latency p50 %s, p99 %s, %d errors)
                  ratio gateway/nginx: %.2f (target >= 0.50)
                PUT on the gateway -> SSE notice of the rebuilt page (%d edits of /2024/enfants, one at a time)
                  p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 100 ms), after %d warm-up edits (p50 %.1f ms, p99 %.1f ms)
                %s""".formatted(pages.size(), THREADS, CONNECTIONS, DURATION, Runtime.getRuntime().availableProcessors(),
                gatewayRun.requestsPerSecond(), gatewayRun.p50(), gatewayRun.p99(), gatewayRun.errors(),
                nginxRun.requestsPerSecond(), nginxRun.p50(), nginxRun.p99(), nginxRun.errors(), ratio,
                latencies.size(), p50, p99, sorted.get(sorted.size() - 1), cold.size(),
                cold.isEmpty() ? 0 : percentile(cold, 50), cold.isEmpty() ? 0 : percentile(cold, 99), segments);
        System.out.println(report);
        Files.writeString(OUT.resolve("results.txt"), report + "\nwrk, gateway:\n" + gatewayRun.output()
                + "\nwrk, nginx:\n" + nginxRun.output() + "\nedit-to-notice latencies (ms, in order):\n" + latencies + "\n");
        assertThat(gatewayRun.errors()).isZero();
        assertThat(nginxRun.errors()).isZero();
    }

    /** The index of the 2024 edition and every page of it that the index links to. */
    private static List<String> pages() {
        String index = new String(get(gatewayUrl + "/2024/").body(), StandardCharsets.UTF_8);
        Set<String> pages = new LinkedHashSet<>(List.of("/2024/"));
        Matcher links = Pattern.compile("href=\"([^\"#]+)\"").matcher(index);
        while (links.find()) {
            String path = URI.create("/2024/").resolve(links.group(1)).getPath();
            if (path.startsWith("/2024/") && !path.endsWith(".pdf")) {
                pages.add(path);
            }
        }
        assertThat(pages).hasSizeGreaterThan(10);
        return List.copyOf(pages);
    }

    /**
     * Edits /2024/enfants through the gateway, one edit at a time, each timed from just before
     * the PUT is sent until the live stream announces /2024/enfants built from the revision the
     * PUT answered.
     */
    private static List<Timed> editToNotice(int edits) throws Exception {
        Map<Long, CompletableFuture<Seen>> noticed = new ConcurrentHashMap<>();
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/live"))
                .header("Authorization", "Bearer demo-webteam").header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> readNotices(stream.body(), noticed), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        List<Timed> latencies = new ArrayList<>();
        try {
            HttpResponse<String> current = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/editions/2024/chapters/enfants")).GET());
            String title = JsonPath.read(current.body(), "$.title");
            String etag = current.headers().firstValue("ETag").orElseThrow();
            for (int i = 1; i <= edits; i++) {
                String json = "{\"title\": \"" + title + "\", \"body\": \"Mesure n° " + i + " : " + System.nanoTime() + ".\"}";
                long startedMillis = System.currentTimeMillis();
                long started = System.nanoTime();
                HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/editions/2024/chapters/enfants"))
                        .header("Authorization", "Bearer demo-enfants").header("If-Match", etag)
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
                assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
                etag = put.headers().firstValue("ETag").orElseThrow();
                long revision = Long.parseLong(etag.replace("\"", ""));
                Seen seen = noticed.computeIfAbsent(revision, r -> new CompletableFuture<>()).get(10, TimeUnit.SECONDS);
                latencies.add(new Timed((seen.nanos() - started) / 1_000_000.0, startedMillis, seen));
            }
        } finally {
            stream.body().close();
        }
        return latencies;
    }

    /** When the live stream delivered a notice, and the times the notice itself carries (epoch ms). */
    record Seen(long nanos, long epochMillis, long sourceChangedAt, long publishedAt, long receivedAt) {
    }

    /** One edit, timed: from the PUT to the notice, and the segments in between. */
    record Timed(double totalMs, long putStartMillis, Seen seen) {
        long accept() {
            return seen.sourceChangedAt() - putStartMillis;
        }

        long render() {
            return seen.publishedAt() - seen.sourceChangedAt();
        }

        long deliver() {
            return seen.receivedAt() - seen.publishedAt();
        }

        long stream() {
            return seen.epochMillis() - seen.receivedAt();
        }
    }

    private static void readNotices(InputStream body, Map<Long, CompletableFuture<Seen>> noticed) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                long now = System.nanoTime();
                long nowMillis = System.currentTimeMillis();
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "published".equals(event)) {
                    String json = line.substring(5);
                    if ("/2024/enfants".equals(JsonPath.read(json, "$.path"))) {
                        Number revision = JsonPath.read(json, "$.sourceRevisions['chapter:2024/enfants']");
                        Seen seen = new Seen(now, nowMillis, epochMillis(JsonPath.read(json, "$.sourceChangedAt")),
                                epochMillis(JsonPath.read(json, "$.publishedAt")), epochMillis(JsonPath.read(json, "$.receivedAt")));
                        noticed.computeIfAbsent(revision.longValue(), r -> new CompletableFuture<>()).complete(seen);
                    }
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (IOException e) {
            // the stream was closed at the end
        }
    }

    private static String segment(List<Timed> timed, java.util.function.ToLongFunction<Timed> part) {
        List<Double> values = timed.stream().map(t -> (double) part.applyAsLong(t)).sorted().toList();
        return String.format("%.0f / %.0f", percentile(values, 50), percentile(values, 99));
    }

    private static long epochMillis(String instant) {
        return java.time.Instant.parse(instant).toEpochMilli();
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static HttpResponse<byte[]> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
