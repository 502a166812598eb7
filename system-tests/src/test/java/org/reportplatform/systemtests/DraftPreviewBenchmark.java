package org.reportplatform.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How soon a draft's preview follows its writer (the goal: p50 within 50 ms, p99 within 150 ms on
 * the demo report): team {@code soutien-aux-victimes} saves its draft ({@code PUT .../draft}, as
 * the studio's autosave does at a pause in typing), then asks for {@code /preview/2024/soutien-aux-victimes}
 * until the gateway serves the preview of the revision just saved ({@code X-Draft-Revision});
 * measured from before the PUT to those bytes received. Also the PUT alone and one preview request
 * served (the gateway asking content-service who may read the draft, then the bytes from memory).
 * One person, sequential requests (connections kept alive), polls 1 ms apart.
 *
 * <p>Not part of the test run (its name is not a test's): {@code ./mvnw -o -pl system-tests verify
 * -Dtest=DraftPreviewBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.previews.rounds=300
 * -Dbenchmark.previews.warmup=100]} after {@code ./mvnw install -DskipTests}. It starts its own
 * broker and platform (run.sh's JVM options) on the demo report.
 */
class DraftPreviewBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.previews.warmup", 100);
    private static final int ROUNDS = Integer.getInteger("benchmark.previews.rounds", 300);
    private static final String SLUG = "soutien-aux-victimes";
    private static final String TOKEN = "demo-soutien-aux-victimes";
    private static final String DRAFT = "/api/editions/2024/chapters/" + SLUG + "/draft";
    private static final String PREVIEW = "/preview/2024/" + SLUG;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void measure() throws Exception {
        try (KafkaServerProcess broker = KafkaServerProcess.start(Path.of("target/preview-benchmark-" + System.currentTimeMillis()));
                Platform platform = Platform.start(broker.bootstrapServers(), true, Platform.RUN_SH_JVM)) {
            String gateway = platform.gatewayUrl();
            Map<String, List<Long>> micros = new LinkedHashMap<>();
            micros.put("save → preview of that revision served", new ArrayList<>());
            micros.put("PUT draft", new ArrayList<>());
            micros.put("GET preview (served)", new ArrayList<>());
            long revision = -1;
            int polls = 0;
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                String body = "{\"title\": \"Soutien aux victimes\", \"body\": \"Le brouillon, version " + round
                        + ".\\n\\nEn 2024, {{fig:sanad.victims-assisted}} victimes de torture ont bénéficié de ce soutien.\"}";
                long started = System.nanoTime();
                HttpResponse<String> saved = save(gateway, body, revision);
                long savedAt = System.nanoTime();
                revision = Long.parseLong(saved.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
                long served;
                long lastRequest;
                while (true) {
                    long asked = System.nanoTime();
                    HttpResponse<byte[]> preview = CLIENT.send(HttpRequest.newBuilder(URI.create(gateway + PREVIEW))
                            .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
                    served = System.nanoTime();
                    lastRequest = served - asked;
                    polls++;
                    if (preview.statusCode() == 200 && preview.headers().firstValue("X-Draft-Revision").orElse("").equals(Long.toString(revision))) {
                        if (!new String(preview.body(), StandardCharsets.UTF_8).contains("version " + round + ".")) {
                            throw new IllegalStateException("revision " + revision + " served without its text");
                        }
                        break;
                    }
                    if (served - started > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("the preview of revision " + revision + " was not served within 30 s: "
                                + preview.statusCode());
                    }
                    Thread.sleep(1);
                }
                if (round >= WARM_UP) {
                    micros.get("save → preview of that revision served").add((served - started) / 1000);
                    micros.get("PUT draft").add((savedAt - started) / 1000);
                    micros.get("GET preview (served)").add(lastRequest / 1000);
                }
            }
            System.out.printf("%nA draft's preview following its saves (%d rounds after %d warm-up, %d preview requests in all; ms)%n",
                    ROUNDS, WARM_UP, polls);
            System.out.printf("| what | p50 | p95 | p99 | max |%n| --- | ---: | ---: | ---: | ---: |%n");
            micros.forEach((name, values) -> {
                List<Long> sorted = values.stream().sorted().toList();
                System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", name, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                        sorted.get(sorted.size() - 1) / 1000.0);
            });
            // The render service's own side: one preview rendered and published (warm-up included).
            String metrics = CLIENT.send(HttpRequest.newBuilder(URI.create(platform.service("render-service").url() + "/actuator/prometheus"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String output : List.of("page", "pdf")) {
                double count = metric(metrics, "report_render_draft_preview_seconds_count", output);
                double sum = metric(metrics, "report_render_draft_preview_seconds_sum", output);
                System.out.printf("report.render.draft-preview{output=%s}: %.0f renders, mean %.1f ms%n", output, count,
                        count == 0 ? 0 : sum / count * 1000);
            }
        }
    }

    private static double metric(String prometheus, String name, String output) {
        return prometheus.lines().filter(line -> line.startsWith(name + "{") && line.contains("output=\"" + output + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The first save starts the draft ({@code If-None-Match: *}), the next ones change it ({@code If-Match}). */
    private static HttpResponse<String> save(String gateway, String body, long revision) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + DRAFT))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        request.header(revision < 0 ? "If-None-Match" : "If-Match", revision < 0 ? "*" : "\"" + revision + "\"");
        HttpResponse<String> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != (revision < 0 ? 201 : 200)) {
            throw new IllegalStateException("PUT " + DRAFT + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }
}
