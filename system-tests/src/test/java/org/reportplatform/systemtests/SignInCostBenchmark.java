package org.reportplatform.systemtests;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAssertions;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.security.SecurityProperties;

/**
 * What signing in costs an authenticated API write (issue 14: no more than 5 ms at p99): the same
 * chapter edit, in rounds, (a) straight to content-service with an assertion the benchmark mints
 * (no gateway at all: the write alone), then through the gateway with (b) a demo token, (c) a
 * personal token, (d) a signed-in session and its CSRF token. Interleaved, so the machine's
 * noise falls on every path alike. The gateway's cost (b, c, d minus a) is its routing hop plus
 * the sign-in; it prints them.
 *
 * <p>Not part of the test run (its name is not a test's): {@code ./mvnw -o -pl system-tests verify
 * -Dtest=SignInCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false} after {@code ./mvnw install -DskipTests}.
 */
class SignInCostBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.signin.warmup", 200);
    private static final int ROUNDS = Integer.getInteger("benchmark.signin.rounds", 500);
    private static final String CHAPTER = "/api/editions/2024/chapters/enfants";
    /** platform-defaults.yml's development key: what the services of this platform check. */
    private static final String DEVELOPMENT_KEY = "development-only-assertion-key-do-not-use-in-production";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern REVISION = Pattern.compile("\"revision\"\\s*:\\s*(\\d+)");

    @Test
    void measure() throws Exception {
        try (KafkaServerProcess broker = KafkaServerProcess.start(java.nio.file.Path.of("target/signin-benchmark-" + System.currentTimeMillis()));
                Platform platform = Platform.start(broker.bootstrapServers(), true, Platform.RUN_SH_JVM)) {
            String gateway = platform.gatewayUrl();
            String content = platform.service("content-service").url();
            HttpClient plain = HttpClient.newHttpClient();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String csrf = signIn(browser, gateway, "enfants@example.org", "demo-password");
            String personalToken = createToken(browser, gateway, csrf);
            String assertion = new CallerAssertions(new SecurityProperties(DEVELOPMENT_KEY, Duration.ofMinutes(30), null, null, List.of()),
                    Clock.systemUTC()).mint(new Caller("demo-enfants", "Amina Diallo", Set.of(Role.MEMBER), Set.of("enfants"), null));

            Map<String, Write> paths = new LinkedHashMap<>();
            paths.put("(a) content-service directly, minted assertion", revision -> put(plain, content, revision, "Bearer " + assertion, null));
            paths.put("(b) gateway, demo token", revision -> put(plain, gateway, revision, "Bearer demo-enfants", null));
            paths.put("(c) gateway, personal token", revision -> put(plain, gateway, revision, "Bearer " + personalToken, null));
            paths.put("(d) gateway, signed-in session + CSRF", revision -> put(browser, gateway, revision, null, csrf));
            Map<String, List<Long>> micros = new LinkedHashMap<>();
            paths.keySet().forEach(name -> micros.put(name, new ArrayList<>()));
            long revision = currentRevision(plain, gateway);
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                for (var path : paths.entrySet()) {
                    long started = System.nanoTime();
                    revision = path.getValue().write(revision);
                    if (round >= WARM_UP) {
                        micros.get(path.getKey()).add((System.nanoTime() - started) / 1000);
                    }
                }
            }
            System.out.printf("%nSign-in cost on an authenticated chapter write (%d rounds after %d warm-up; ms)%n", ROUNDS, WARM_UP);
            System.out.printf("| path | p50 | p95 | p99 | max |%n| --- | ---: | ---: | ---: | ---: |%n");
            micros.forEach((name, values) -> {
                List<Long> sorted = values.stream().sorted().toList();
                System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", name, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                        sorted.get(sorted.size() - 1) / 1000.0);
            });
        }
    }

    @FunctionalInterface
    private interface Write {
        long write(long revision) throws Exception;
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }

    /** One edit based on {@code revision}; the revision it made. */
    private static long put(HttpClient client, String base, long revision, String authorization, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + CHAPTER))
                .header("Content-Type", "application/json").header("If-Match", "\"" + revision + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\": \"Enfants\", \"body\": \"Texte " + System.nanoTime() + "\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("PUT answered " + answer.statusCode() + ": " + answer.body());
        }
        return revisionOf(answer.body());
    }

    private static long currentRevision(HttpClient client, String gateway) throws Exception {
        return revisionOf(client.send(HttpRequest.newBuilder(URI.create(gateway + CHAPTER)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static long revisionOf(String json) {
        Matcher matcher = REVISION.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no revision in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Signs in as a person does (the form and its CSRF token); the CSRF token of the signed-in session. */
    static String signIn(HttpClient browser, String gateway, String email, String password) throws Exception {
        String form = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/signin")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String body = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrfOf(form), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 303) {
            throw new IllegalStateException("sign-in answered " + signedIn.statusCode());
        }
        return csrfOf(browser.send(HttpRequest.newBuilder(URI.create(gateway + "/account")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String createToken(HttpClient browser, String gateway, String csrf) throws Exception {
        HttpResponse<String> created = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/api/me/tokens"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"benchmark\", \"expiresInDays\": 1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("token creation answered " + created.statusCode() + ": " + created.body());
        }
        return token.group(1);
    }

    private static String csrfOf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return matcher.group(1);
    }
}
