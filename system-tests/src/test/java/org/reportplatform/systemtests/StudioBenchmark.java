package org.reportplatform.systemtests;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the studio costs a person at work (issue 15: a studio page within 100 ms p99 on the demo
 * report; the preview following typing within 150 ms p99 of a pause): a member of team
 * {@code enfants}, signed in with the form as a browser does, (a) opens the studio's pages in
 * turn, (b) pauses in typing: the preview request the editor sends then (the text as typed so far,
 * its CSRF header), answered with the chapter page rendered by the render service. Sequential
 * requests, as one person makes them; interleaved, so the machine's noise falls on every page alike.
 * The figures are the gateway's answers as the client sees them (connection kept alive).
 *
 * <p>Not part of the test run (its name is not a test's): {@code ./mvnw -o -pl system-tests verify
 * -Dtest=StudioBenchmark -Dsurefire.failIfNoSpecifiedTests=false} after {@code ./mvnw install -DskipTests}.
 */
class StudioBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.studio.warmup", 200);
    private static final int ROUNDS = Integer.getInteger("benchmark.studio.rounds", 1000);
    private static final List<String> PAGES = List.of(
            "/studio",
            "/studio/2024/chapitres/enfants",
            "/studio/2024/chapitres/enfants/historique",
            "/studio/2024/chiffres/sos-defenders.cases",
            "/studio/2024/donnees/finances-revenus");
    private static final String PREVIEW = "/studio/2024/chapitres/enfants/apercu";

    @Test
    void measure() throws Exception {
        try (KafkaServerProcess broker = KafkaServerProcess.start(Path.of("target/studio-benchmark-" + System.currentTimeMillis()));
                Platform platform = Platform.start(broker.bootstrapServers(), true, Platform.RUN_SH_JVM)) {
            String gateway = platform.gatewayUrl();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String csrf = SignInCostBenchmark.signIn(browser, gateway, "enfants@example.org", "demo-password");
            String body = get(browser, gateway + "/api/editions/2024/chapters/enfants");
            String text = body.replaceAll("(?s).*\"body\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\".*", "$1").replace("\\n", "\n");

            Map<String, List<Long>> micros = new LinkedHashMap<>();
            PAGES.forEach(page -> micros.put("GET " + page, new ArrayList<>()));
            micros.put("preview (POST " + PREVIEW + ")", new ArrayList<>());
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                for (String page : PAGES) {
                    long started = System.nanoTime();
                    get(browser, gateway + page);
                    record(micros, "GET " + page, round, started);
                }
                long started = System.nanoTime();
                preview(browser, gateway, csrf, text + "\n\nUn paragraphe tapé à l’instant, " + round + " mots plus loin.");
                record(micros, "preview (POST " + PREVIEW + ")", round, started);
            }
            System.out.printf("%nThe studio as a member of team enfants sees it (%d rounds after %d warm-up; ms)%n", ROUNDS, WARM_UP);
            System.out.printf("| request | p50 | p95 | p99 | max |%n| --- | ---: | ---: | ---: | ---: |%n");
            micros.forEach((name, values) -> {
                List<Long> sorted = values.stream().sorted().toList();
                System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", name, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                        sorted.get(sorted.size() - 1) / 1000.0);
            });
        }
    }

    private static void record(Map<String, List<Long>> micros, String name, int round, long started) {
        if (round >= WARM_UP) {
            micros.get(name).add((System.nanoTime() - started) / 1000);
        }
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }

    private static String get(HttpClient browser, String url) throws Exception {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    /** What the editor sends after a pause in typing (htmx: the form's fields, the CSRF header). */
    private static void preview(HttpClient browser, String gateway, String csrf, String text) throws Exception {
        String form = "title=" + URLEncoder.encode("Enfants", StandardCharsets.UTF_8) + "&body=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(gateway + PREVIEW))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", csrf).header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains("mots plus loin")) {
            throw new IllegalStateException("the preview answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
