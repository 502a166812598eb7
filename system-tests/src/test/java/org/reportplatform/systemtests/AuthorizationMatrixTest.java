package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reportplatform.schemas.Topics;

/**
 * Authorization matrix: every write and operator endpoint, through the gateway, called by each
 * role (no token, an unknown token, another team, the owning team, the web team, an operator, an
 * admin), each call otherwise valid (right revision, valid body, a resource of its own where the
 * call consumes one). Each gets exactly what the rules of docs/architecture.md and
 * docs/figures-api.md allow. Run twice: with the demo tokens, and with secret tokens of the same
 * roles, whose values must then appear in no service log, no record on any topic, and no answer.
 */
@ExtendWith(SharedPlatform.class)
class AuthorizationMatrixTest {

    private static final String EDITION = "2096";
    private static final List<String> ROLES = List.of("anonymous", "unknown token", "other team", "owning team", "web team", "operator", "admin");

    private final SharedPlatform.Running platform = SharedPlatform.get();
    private final ReportApi api = new ReportApi(platform.gateway());
    private final RawHttp http = platform.gateway();
    private int sequence;

    /** One endpoint: how to call it as a token (null: none), and what each role of {@link #ROLES} gets. */
    record Action(String name, Function<String, RawHttp.Answer> call, List<Integer> expected) {
    }

    private List<Action> actions() {
        String chapters = ReportApi.chapters(EDITION);
        String indicators = ReportApi.indicators(EDITION);
        String datasets = ReportApi.datasets(EDITION);
        List<Integer> ownerOrAdmin = List.of(401, 401, 403, 200, 403, 403, 200);
        List<Integer> adminCreates = List.of(401, 401, 403, 403, 403, 403, 201);
        List<Integer> adminDeletes = List.of(401, 401, 403, 403, 403, 403, 204);
        return List.of(
                new Action("PUT chapter (edit)", token -> http.send("PUT", chapters + "/matrice", withCurrent(token, chapters + "/matrice"),
                        ReportApi.json("{\"title\": \"Matrice\", \"body\": %s}", "Texte " + next())), ownerOrAdmin),
                new Action("PUT chapter (create)", token -> http.send("PUT", chapters + "/nouveau-" + next(), headers(token, "If-None-Match", "*"),
                        ReportApi.json("{\"title\": \"Nouveau\", \"body\": \"Texte\", \"ownerTeam\": \"enfants\"}")), adminCreates),
                new Action("POST chapter move", token -> http.send("POST", chapters + "/matrice/move", headers(token, "Content-Type", "application/json"),
                        ReportApi.json("{\"position\": 1}")), List.of(401, 401, 403, 403, 403, 403, 200)),
                new Action("POST chapter restore", token -> http.send("POST", chapters + "/matrice/revisions/1/restore", headers(token), null),
                        ownerOrAdmin),
                new Action("DELETE chapter", token -> {
                    String slug = "jetable-" + next();
                    assertThat(api.createChapter(EDITION, slug, "enfants", "Jetable", "Texte").status()).isEqualTo(201);
                    return http.send("DELETE", chapters + "/" + slug, headers(token, "If-Match", "\"1\""), null);
                }, adminDeletes),
                new Action("PUT indicator (edit)", token -> http.send("PUT", indicators + "/matrice.f", withCurrent(token, indicators + "/matrice.f"),
                        ReportApi.json("{\"label\": \"Mesure\", \"type\": \"integer\", \"value\": " + next() + "}")), ownerOrAdmin),
                new Action("PUT indicator (create)", token -> http.send("PUT", indicators + "/nouveau.f" + next(), headers(token, "If-None-Match", "*"),
                        ReportApi.json("{\"label\": \"Mesure\", \"type\": \"integer\", \"value\": 1, \"ownerTeam\": \"enfants\"}")), adminCreates),
                new Action("POST indicators:import", token -> http.send("POST", indicators + ":import", headers(token, "Content-Type", "text/csv"),
                        ("id,value\nmatrice.f," + next() + "\n").getBytes(StandardCharsets.UTF_8)), ownerOrAdmin),
                new Action("POST indicator restore", token -> http.send("POST", indicators + "/matrice.f/revisions/1/restore", headers(token), null),
                        ownerOrAdmin),
                new Action("DELETE indicator", token -> {
                    String id = "jetable.f" + next();
                    assertThat(api.createIndicator(EDITION, id, "enfants", 1).status()).isEqualTo(201);
                    return http.send("DELETE", indicators + "/" + id, headers(token, "If-Match", "\"1\""), null);
                }, adminDeletes),
                new Action("PUT dataset (edit)", token -> http.send("PUT", datasets + "/matrice-d", withCurrent(token, datasets + "/matrice-d"),
                        dataset(null)), ownerOrAdmin),
                new Action("PUT dataset (create)", token -> http.send("PUT", datasets + "/nouveau-d" + next(), headers(token, "If-None-Match", "*"),
                        dataset("enfants")), adminCreates),
                new Action("POST dataset :import", token -> {
                    Map<String, String> headers = withCurrent(token, datasets + "/matrice-d");
                    headers.put("Content-Type", "text/csv");
                    return http.send("POST", datasets + "/matrice-d:import", headers, ("label,n\na," + next() + "\n").getBytes(StandardCharsets.UTF_8));
                }, ownerOrAdmin),
                new Action("POST dataset restore", token -> http.send("POST", datasets + "/matrice-d/revisions/1/restore", headers(token), null),
                        ownerOrAdmin),
                new Action("DELETE dataset", token -> {
                    String id = "jetable-d" + next();
                    assertThat(http.send("PUT", datasets + "/" + id, ReportApi.headers(ReportApi.ADMIN, "If-None-Match", "*"), dataset("enfants"))
                            .status()).isEqualTo(201);
                    return http.send("DELETE", datasets + "/" + id, headers(token, "If-Match", "\"1\""), null);
                }, adminDeletes),
                new Action("POST /api/ops/rebuild", token -> http.send("POST", "/api/ops/rebuild", headers(token), null),
                        List.of(401, 401, 403, 403, 403, 200, 200)),
                new Action("GET /api/live", token -> http.open("/api/live", token), List.of(401, 401, 403, 403, 200, 200, 200)));
    }

    @Test
    void eachRoleGetsExactlyWhatTheRulesAllowAndNoTokenLeaks() throws Exception {
        // Given a chapter, an indicator and a dataset of team enfants
        assertThat(api.createChapter(EDITION, "matrice", "enfants", "Matrice", "Texte").status()).isEqualTo(201);
        assertThat(api.createIndicator(EDITION, "matrice.f", "enfants", 1).status()).isEqualTo(201);
        assertThat(http.send("PUT", ReportApi.datasets(EDITION) + "/matrice-d", ReportApi.headers(ReportApi.ADMIN, "If-None-Match", "*"),
                dataset("enfants")).status()).isEqualTo(201);
        String unknown = "rt-unknown-" + UUID.randomUUID();
        Map<String, List<String>> tokenSets = new LinkedHashMap<>();
        tokenSets.put("demo tokens", java.util.Arrays.asList(null, unknown, "demo-femmes", "demo-enfants", "demo-webteam", "demo-operator", "demo-admin"));
        tokenSets.put("secret tokens", java.util.Arrays.asList(null, unknown, platform.secret("femmes"), platform.secret("enfants"),
                platform.secret("webteam"), platform.secret("operator"), platform.secret("admin")));

        // When every role calls every endpoint
        List<String> mismatches = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        int calls = 0;
        StringBuilder table = new StringBuilder();
        for (var set : tokenSets.entrySet()) {
            table.append(String.format("%n  %-24s", set.getKey()));
            ROLES.forEach(role -> table.append(String.format("%-15s", role)));
            for (Action action : actions()) {
                table.append(String.format("%n  %-24s", action.name()));
                for (int r = 0; r < ROLES.size(); r++) {
                    RawHttp.Answer answer = action.call().apply(set.getValue().get(r));
                    calls++;
                    bodies.add(answer.body());
                    bodies.add(answer.headers().toString());
                    table.append(String.format("%-15s", answer.status()));
                    if (answer.status() != action.expected().get(r)) {
                        mismatches.add(set.getKey() + ": " + action.name() + " as " + ROLES.get(r) + ": expected "
                                + action.expected().get(r) + ", got " + answer);
                    }
                    if (answer.status() >= 400 && !answer.header("content-type").contains("json")) {
                        mismatches.add(set.getKey() + ": " + action.name() + " as " + ROLES.get(r) + ": a refusal without a JSON problem: " + answer);
                    }
                }
            }
        }
        System.out.printf("[reliability] authorization matrix: %d calls (%d endpoints x %d roles x %d token sets), %d as the rules say:%s%n",
                calls, actions().size(), ROLES.size(), tokenSets.size(), calls - mismatches.size(), table);

        // Then each got what the rules allow
        assertThat(mismatches).isEmpty();

        // and no secret token (nor the unknown one) is in an answer, a service or broker log, or a record of any topic
        List<String> secrets = new ArrayList<>(platform.secretTokens().values());
        secrets.add(unknown);
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            bodies.stream().filter(b -> b.contains(secret)).findFirst().ifPresent(b -> leaks.add("an answer: " + b));
            try (Stream<Path> files = Files.walk(platform.logs())) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".log")).toList()) {
                    if (Files.readString(file, StandardCharsets.ISO_8859_1).contains(secret)) {
                        leaks.add("the log " + file);
                    }
                }
            }
        }
        int records = 0;
        for (String topic : List.of(Topics.CHAPTERS.name(), Topics.INDICATORS.name(), Topics.DATASETS.name(), Topics.PAGES.name(),
                Topics.DOCUMENTS.name())) {
            for (TopicLog.Entry entry : platform.topics().records(topic)) {
                records++;
                String bytes = (entry.value() == null ? "" : new String(entry.value(), StandardCharsets.ISO_8859_1)) + entry.headers();
                secrets.stream().filter(bytes::contains).forEach(s -> leaks.add(topic + " at " + entry.partition() + "@" + entry.offset()));
            }
        }
        System.out.printf("[reliability] tokens: %d secret tokens looked for in %d answers, the service and broker logs and %d records: "
                + "%d found%n", secrets.size(), bodies.size() / 2, records, leaks.size());
        assertThat(leaks).isEmpty();
    }

    private String next() {
        return Integer.toString(++sequence);
    }

    private Map<String, String> withCurrent(String token, String path) {
        RawHttp.Answer current = http.get(path);
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        return headers(token, "If-Match", current.header("etag"), "Content-Type", "application/json");
    }

    private static Map<String, String> headers(String token, String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        if (!headers.containsKey("Content-Type")) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }

    private byte[] dataset(String ownerTeam) {
        return ("{\"title\": \"Table\", \"columns\": [{\"name\": \"label\", \"type\": \"text\"}, {\"name\": \"n\", \"type\": \"number\"}], "
                + "\"rows\": [[\"a\", " + next() + "]]" + (ownerTeam == null ? "" : ", \"ownerTeam\": \"" + ownerTeam + "\"") + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
