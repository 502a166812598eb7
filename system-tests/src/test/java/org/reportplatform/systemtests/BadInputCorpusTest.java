package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reportplatform.schemas.Topics;

/**
 * Bad input: a corpus of hostile requests sent through the gateway to every write endpoint
 * (chapters, indicators, datasets: PUT, move, restore, delete, both CSV imports), each otherwise
 * valid (an authorised token, the right revision), so that only its hostile part can get it
 * refused. Every one must get a 4xx with a JSON problem, none a 5xx, and none may change anything:
 * the source topics and their DLTs keep their end offsets. Then Markdown carrying scripts,
 * frames, event handlers, javascript:/data: URLs and SVG, which is valid and accepted: no script
 * may reach the served page.
 */
@ExtendWith(SharedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

    private static final String EDITION = "2095";
    private static final String OWNER = "demo-enfants";
    /** If-Match placeholder: the target's revision at the time of the request. */
    private static final String CURRENT = "current";
    private static final List<String> TOPICS = List.of(Topics.CHAPTERS.name(), Topics.INDICATORS.name(), Topics.DATASETS.name(),
            Topics.CHAPTERS.deadLetterTopic(), Topics.INDICATORS.deadLetterTopic(), Topics.DATASETS.deadLetterTopic());

    private SharedPlatform.Running platform;
    private ReportApi api;

    /** One hostile request. */
    record Case(String category, String name, String method, String path, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            return category + ": " + name + " (" + method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + ")";
        }
    }

    /**
     * Runs after SharedPlatform's beforeAll has started the platform; the one instance of this
     * class (PER_CLASS) is created before that, so the platform is looked up here, not in a field
     * initializer.
     */
    @BeforeAll
    void anEditionWithAChapterAnIndicatorAndADataset() {
        platform = SharedPlatform.get();
        api = new ReportApi(platform.gateway());
        assertThat(api.createIndicator(EDITION, "cible.f1", "enfants", 5).status()).isEqualTo(201);
        assertThat(api.createChapter(EDITION, "cible", "enfants", "Cible", "Un texte.").status()).isEqualTo(201);
        assertThat(platform.gateway().send("PUT", ReportApi.datasets(EDITION) + "/cible-d", ReportApi.headers(ReportApi.ADMIN,
                "If-None-Match", "*"), bytes(DATASET)).status()).isEqualTo(201);
    }

    private static final String CHAPTER = "{\"title\": \"Cible\", \"body\": \"Un autre texte.\"}";
    private static final String INDICATOR = "{\"label\": \"Mesure\", \"type\": \"integer\", \"value\": 7}";
    private static final String DATASET = "{\"title\": \"Table\", \"columns\": [{\"name\": \"label\", \"type\": \"text\"}, "
            + "{\"name\": \"n\", \"type\": \"number\"}], \"rows\": [[\"a\", 1]], \"ownerTeam\": \"enfants\"}";
    private static final String DATASET_UPDATE = "{\"title\": \"Table\", \"columns\": [{\"name\": \"label\", \"type\": \"text\"}, "
            + "{\"name\": \"n\", \"type\": \"number\"}], \"rows\": [[\"b\", 2]]}";

    /** The JSON write endpoints, each with a body it would accept. */
    private List<Case> jsonTargets() {
        String chapters = ReportApi.chapters(EDITION);
        return List.of(
                new Case("", "chapter PUT", "PUT", chapters + "/cible", json(OWNER, CURRENT), bytes(CHAPTER)),
                new Case("", "indicator PUT", "PUT", ReportApi.indicators(EDITION) + "/cible.f1", json(OWNER, CURRENT), bytes(INDICATOR)),
                new Case("", "dataset PUT", "PUT", ReportApi.datasets(EDITION) + "/cible-d", json(OWNER, CURRENT), bytes(DATASET_UPDATE)),
                new Case("", "chapter move", "POST", chapters + "/cible/move", json(ReportApi.ADMIN, CURRENT), bytes("{\"position\": 2}")));
    }

    List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        String longText = "x".repeat(2_100_000);
        for (Case target : jsonTargets()) {
            String valid = new String(target.body(), StandardCharsets.UTF_8);
            // malformed and truncated JSON
            List<String> malformed = new ArrayList<>(List.of("", " ", "{", "}", "[", "nul", "{\"title\" \"x\"}", "{'title': 'x'}",
                    "{\"title\": \"x\",}", "{\"title\": \"x\"", "{\"title\": \"\\x41\"}", "{\"title\": \"\\ud800\"}",
                    "<chapter/>", "[1, 2", "{\"position\": 1,, }", "\"just a string\"", "42"));
            for (int cut : new int[] {1, 7, valid.length() / 2, valid.length() - 1}) {
                malformed.add(valid.substring(0, cut));
            }
            malformed.forEach(body -> cases.add(with(target, "malformed JSON", body, body)));
            // deep nesting and huge bodies
            cases.add(with(target, "deep nesting", "20,000 nested arrays", "{\"title\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}"));
            cases.add(with(target, "deep nesting", "5,000 nested objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
            cases.add(with(target, "huge body", "2.1 MB text in a field", hugeField(target.name(), longText)));
            cases.add(new Case("huge body", target.name() + ": 7 MB of JSON", target.method(), target.path(), target.headers(),
                    bytes("{\"title\": \"" + "y".repeat(7_000_000) + "\"}")));
            // invalid UTF-8 and control characters
            for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
                cases.add(new Case("invalid UTF-8", target.name() + ": " + java.util.HexFormat.of().formatHex(bad), target.method(),
                        target.path(), target.headers(), invalidUtf8(valid, bad)));
            }
            cases.add(with(target, "control characters", "raw NUL in JSON", valid.replaceFirst("\"", "\"\u0000")));
            // header abuse
            for (String ifMatch : List.of("\"abc\"", "\"-1\"", "\"99999999999999999999999\"", "\"1", "\"0\"", "\"\u00e9\"", "\"2\"")) {
                Map<String, String> headers = new LinkedHashMap<>(target.headers());
                headers.put("If-Match", ifMatch);
                cases.add(new Case("bad If-Match", target.name() + ": " + ifMatch, target.method(), target.path(), headers, target.body()));
            }
            Map<String, String> huge = new LinkedHashMap<>(target.headers());
            huge.put("X-Padding", "z".repeat(70_000));
            cases.add(new Case("huge header", target.name() + ": 70 KB header", target.method(), target.path(), huge, target.body()));
            Map<String, String> hugeAuth = new LinkedHashMap<>(target.headers());
            hugeAuth.put("Authorization", "Bearer " + "t".repeat(20_000));
            cases.add(new Case("huge header", target.name() + ": 20 KB token", target.method(), target.path(), hugeAuth, target.body()));
            Map<String, String> xml = new LinkedHashMap<>(target.headers());
            xml.put("Content-Type", "application/xml");
            cases.add(new Case("wrong content type", target.name() + ": application/xml", target.method(), target.path(), xml, target.body()));
            Map<String, String> noBearer = new LinkedHashMap<>(target.headers());
            noBearer.put("Authorization", "Basic ZGVtbzpkZW1v");
            cases.add(new Case("header abuse", target.name() + ": Basic auth", target.method(), target.path(), noBearer, target.body()));
        }
        // wrong types, field by field
        Case chapter = jsonTargets().get(0);
        for (String body : List.of("{\"title\": [\"Cible\"], \"body\": \"t\"}", "{\"title\": {}, \"body\": \"t\"}",
"{\"title\": \"Cible\", \"body\": [1]}", "{\"title\": \"Cible\", \"body\": \"t\", \"position\": \"first\"}",
                "{\"title\": \"Cible\", \"body\": \"t\", \"position\": 0}",
                "{\"title\": \"Cible\", \"body\": \"t\", \"language\": \"fran\u00e7ais\"}", "{\"title\": null, \"body\": \"t\"}",
                "{\"title\": \"\", \"body\": \"t\"}", "{\"title\": \"Ci\\u0007ble\", \"body\": \"t\"}", "{\"title\": \"Ci\\u0000ble\", \"body\": \"t\"}",
                "{\"title\": \"Cible\", \"body\": \"a\\u001b[31mb\"}", "{\"title\": \"deux\\nlignes\", \"body\": \"t\"}")) {
            cases.add(with(chapter, "wrong type or value", body, body));
        }
        Case indicator = jsonTargets().get(1);
        for (String body : List.of("{\"label\": \"Mesure\", \"type\": \"integer\", \"value\": \"beaucoup\"}",
                "{\"label\": \"Mesure\", \"type\": \"integer\", \"value\": [7]}", "{\"label\": \"Mesure\", \"type\": \"integer\", \"value\": 7.5}",
                "{\"label\": \"Mesure\", \"type\": \"integer\", \"value\": 1e400}", "{\"label\": \"Mesure\", \"type\": 3, \"value\": 7}",
                "{\"label\": \"Mesure\", \"type\": \"entier\", \"value\": 7}", "{\"label\": {}, \"type\": \"integer\", \"value\": 7}",
                "{\"label\": \"=HYPERLINK(\\\"http://x\\\")\", \"type\": \"integer\", \"value\": 7}",
                "{\"label\": \"Mesure\", \"type\": \"percentage\", \"value\": 130}", "{\"label\": \"Mesure\", \"type\": \"money\", \"value\": 7, \"currency\": \"XXXX\"}",
                "{\"label\": \"Mesure\", \"type\": \"integer\", \"value\": \"4 445\"}", "{\"label\": \"Mesure\", \"type\": \"integer\", \"value\": null}")) {
            cases.add(with(indicator, "wrong type or value", body, body));
        }
        Case dataset = jsonTargets().get(2);
        for (String body : List.of("{\"title\": \"Table\", \"columns\": \"label\", \"rows\": []}",
                "{\"title\": \"Table\", \"columns\": [{\"name\": \"label\", \"type\": \"text\"}, {\"name\": \"n\", \"type\": \"number\"}], \"rows\": {\"a\": 1}}",
                "{\"title\": \"Table\", \"columns\": [{\"name\": \"label\", \"type\": \"text\"}, {\"name\": \"n\", \"type\": \"number\"}], \"rows\": [[\"a\"]]}",
                "{\"title\": \"Table\", \"columns\": [{\"name\": \"label\", \"type\": \"text\"}, {\"name\": \"n\", \"type\": \"number\"}], \"rows\": [[\"a\", \"beaucoup\"]]}",
                "{\"title\": \"Table\", \"columns\": [{\"name\": \"label\", \"type\": \"text\"}, {\"name\": \"n\", \"type\": \"number\"}], \"rows\": [[\"=cmd|' /C calc'!A0\", 1]]}",
                "{\"title\": \"Table\", \"columns\": [{\"name\": \"label\", \"type\": \"blob\"}], \"rows\": [[\"a\"]]}",
                "{\"title\": \"Table\", \"columns\": [{\"name\": \"a\", \"type\": \"text\"}, {\"name\": \"a\", \"type\": \"text\"}], \"rows\": []}",
                "{\"title\": [], \"columns\": [{\"name\": \"label\", \"type\": \"text\"}], \"rows\": []}")) {
            cases.add(with(dataset, "wrong type or value", body, body));
        }
        // path traversal and bad ids, on every kind of write
        String valid = CHAPTER;
        for (String slug : List.of("..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fsecret", "%252e%252e%252fsecret", "..%5c..%5cwindows",
                "cible%2f..%2f..%2fx", "..", "%2e%2e", "Cible", "a%20b", "-x", "x--y", "caf%C3%A9", "x%00y", "x%0ay", "s".repeat(300),
                "cible;x=1", "%25")) {
            cases.add(new Case("path traversal / bad id", "chapter " + slug, "PUT", ReportApi.chapters(EDITION) + "/" + slug,
                    ReportApi.headers(ReportApi.ADMIN, "If-None-Match", "*"), bytes("{\"title\": \"T\", \"body\": \"t\", \"ownerTeam\": \"enfants\"}")));
        }
        for (String id : List.of("..%2fcible.f1", "%2e%2e%2fx", "%252e%252e%252fx", "x:import", "X.Y", "x%00")) {
            cases.add(new Case("path traversal / bad id", "indicator " + id, "PUT", ReportApi.indicators(EDITION) + "/" + id,
                    ReportApi.headers(ReportApi.ADMIN, "If-None-Match", "*"),
                    bytes("{\"label\": \"M\", \"type\": \"integer\", \"value\": 1, \"ownerTeam\": \"enfants\"}")));
            cases.add(new Case("path traversal / bad id", "dataset " + id, "PUT", ReportApi.datasets(EDITION) + "/" + id,
                    ReportApi.headers(ReportApi.ADMIN, "If-None-Match", "*"), bytes(DATASET)));
        }
        for (String edition : List.of("..%2f2095", "%2e%2e", "20955", "abcd", "2095%00")) {
            cases.add(new Case("path traversal / bad id", "edition " + edition, "PUT", "/api/editions/" + edition + "/chapters/x",
                    ReportApi.headers(ReportApi.ADMIN, "If-None-Match", "*"), bytes("{\"title\": \"T\", \"body\": \"t\", \"ownerTeam\": \"enfants\"}")));
        }
        for (String revision : List.of("0", "-1", "abc", "99999999999999999999", "1%2f..%2f2", "%2e%2e")) {
            cases.add(new Case("path traversal / bad id", "restore revision " + revision, "POST",
                    ReportApi.chapters(EDITION) + "/cible/revisions/" + revision + "/restore", Map.of("Authorization", "Bearer " + OWNER), null));
            cases.add(new Case("path traversal / bad id", "indicator restore revision " + revision, "POST",
                    ReportApi.indicators(EDITION) + "/cible.f1/revisions/" + revision + "/restore", Map.of("Authorization", "Bearer " + OWNER), null));
        }
        for (String ifMatch : List.of("\"abc\"", "\"7\"", "", "\"1", "W/\"x\"")) {
            Map<String, String> headers = new LinkedHashMap<>(Map.of("Authorization", "Bearer " + ReportApi.ADMIN));
            if (!ifMatch.isEmpty()) {
                headers.put("If-Match", ifMatch);
            }
            cases.add(new Case("bad If-Match", "chapter DELETE " + ifMatch, "DELETE", ReportApi.chapters(EDITION) + "/cible", headers, null));
            cases.add(new Case("bad If-Match", "dataset DELETE " + ifMatch, "DELETE", ReportApi.datasets(EDITION) + "/cible-d", headers, null));
        }
        // CSV: bad quoting, formula injection, wrong shape, bad bytes
        List<String> indicatorCsv = List.of("id,value\ncible.f1,\"12\n", "id,value\n\"cible.f1\"x,12\n", "id,value\ncible.f1,1\"2\"\n",
                "id,value,label\ncible.f1,5,=cmd|' /C calc'!A0\n", "id,value,label\ncible.f1,5,+HYPERLINK(\"http://x\")\n",
                "id,value,label\ncible.f1,5,@SUM(1+1)\n", "id,value,label\ncible.f1,5,-2+3\n", "id,value,unit\ncible.f1,5,=1+1\n",
                "id,value\ncible.f1,5,6\n", "id,valeur\ncible.f1,5\n", "value\n5\n", "id,value\ncible.f1,beaucoup\n",
                "id,value\ncible.f1,5\ncible.f1,6\n", "id,value\n../x,5\n", "id,value\nautre.f,5\n", "", "\n\n",
                "id,value\ncible.f1,\"5\"\"\n");
        for (String csv : indicatorCsv) {
            cases.add(new Case("CSV", "indicators " + csv.replace("\n", "⏎"), "POST", ReportApi.indicators(EDITION) + ":import",
                    Map.of("Authorization", "Bearer " + OWNER, "Content-Type", "text/csv"), bytes(csv)));
        }
        cases.add(new Case("CSV", "indicators: invalid UTF-8", "POST", ReportApi.indicators(EDITION) + ":import",
                Map.of("Authorization", "Bearer " + OWNER, "Content-Type", "text/csv"), invalidUtf8("id,value,label\ncible.f1,5,L", new byte[] {(byte) 0xC3, 0x28})));
        cases.add(new Case("CSV", "indicators: unknown charset", "POST", ReportApi.indicators(EDITION) + ":import",
                Map.of("Authorization", "Bearer " + OWNER, "Content-Type", "text/csv; charset=klingon"), bytes("id,value\ncible.f1,5\n")));
        cases.add(new Case("CSV", "indicators: as JSON", "POST", ReportApi.indicators(EDITION) + ":import",
                Map.of("Authorization", "Bearer " + OWNER, "Content-Type", "application/json"), bytes("{\"id\": \"cible.f1\"}")));
        cases.add(new Case("CSV", "indicators: 6 MB", "POST", ReportApi.indicators(EDITION) + ":import",
                Map.of("Authorization", "Bearer " + OWNER, "Content-Type", "text/csv"), bytes("id,value\n" + "cible.f1,5\n".repeat(600_000))));
        List<String> datasetCsv = List.of("label,n\na,\"1\n", "label,n\n\"a\"b,1\n", "label,n\n=cmd|' /C calc'!A0,1\n",
                "label,n\n@SUM(A1),1\n", "label,n\na,beaucoup\n", "label,n\na,1,2\n", "label,x\na,1\n", "label\na\n", "");
        for (String csv : datasetCsv) {
            cases.add(new Case("CSV", "dataset " + csv.replace("\n", "⏎"), "POST", ReportApi.datasets(EDITION) + "/cible-d:import",
                    Map.of("Authorization", "Bearer " + OWNER, "Content-Type", "text/csv", "If-Match", CURRENT), bytes(csv)));
        }
        return cases;
    }

    @Test
    void everyHostileRequestIsRefusedWithAJsonProblemAndChangesNothing() {
        List<Case> corpus = corpus();
        Map<?, Long> endsBefore = platform.topics().endOffsets(TOPICS);

        Map<String, int[]> byCategory = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int closedUnanswered = 0;
        for (Case c : corpus) {
            RawHttp.Answer answer = platform.gateway().send(c.method(), c.path(), current(c), c.body());
            byStatus.merge(answer.status(), 1, Integer::sum);
            int[] counts = byCategory.computeIfAbsent(c.category(), k -> new int[2]);
            counts[0]++;
            String problem = problemOf(answer);
            if (problem == null) {
                counts[1]++;
            } else if (answer.status() == 0 && c.category().equals("huge header")) {
                // The server stops reading at its header limit and answers 431, then closes; with
                // the rest of a 70 KB header unread, the TCP reset can reach the client before the
                // 431 does. Refused all the same (nothing changes: end offsets below); counted apart.
                counts[1]++;
                closedUnanswered++;
            } else {
                wrong.add(c + " -> " + problem + ": " + abbreviated(answer.toString()));
            }
        }
        Map<?, Long> endsAfter = platform.topics().endOffsets(TOPICS);

        System.out.printf("[reliability] bad input: %d hostile requests tried, %d refused with a 4xx JSON problem; by category "
                        + "(tried/refused): %s; statuses: %s; huge headers refused by a reset before the 431 arrived: %d%n",
                corpus.size(), corpus.size() - wrong.size(), summary(byCategory), byStatus, closedUnanswered);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        assertThat(wrong).as("requests not refused with a 4xx JSON problem").isEmpty();
        assertThat(endsAfter).as("end offsets of %s", TOPICS).isEqualTo(endsBefore);
        assertThat(ReportApi.revision(api.chapter(EDITION, "cible"))).isEqualTo(1);
        assertThat(ReportApi.revision(api.indicator(EDITION, "cible.f1"))).isEqualTo(1);
    }

    /**
     * The writers refuse a JSON value of the wrong type rather than coerce it ({@code "body": true}
     * is not the text "true", a position of 1.5 is not 1).
     */
    @Test
    void aNumberOrABooleanIsNotTakenForText() {
        Map<?, Long> endsBefore = platform.topics().endOffsets(TOPICS);
        List<String> accepted = new ArrayList<>();
        for (String body : List.of("{\"title\": \"Cible\", \"body\": true}", "{\"title\": 5, \"body\": \"t\"}",
                "{\"title\": \"Cible\", \"body\": 12.5}", "{\"title\": \"Cible\", \"body\": \"t\", \"position\": 1.5}")) {
            long revision = ReportApi.revision(api.chapter(EDITION, "cible"));
            RawHttp.Answer answer = platform.gateway().send("PUT", ReportApi.chapters(EDITION) + "/cible",
                    json(OWNER, "\"" + revision + "\""), bytes(body));
            if (problemOf(answer) != null) {
                accepted.add(body + " -> " + answer);
            }
        }
        assertThat(accepted).as("wrong types not refused").isEmpty();
        assertThat(platform.topics().endOffsets(TOPICS)).isEqualTo(endsBefore);
    }

    /** Markdown that tries to get a script into the page: accepted (it is valid Markdown), and sanitized. */
    @Test
    void noScriptFromMarkdownReachesAServedPage() {
        List<String> payloads = List.of(
                "<script>alert('x')</script>",
                "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<img src=x onerror=\"alert(1)\">",
                "<a href=\"javascript:alert(1)\">clic</a>",
                "[clic](javascript:alert(1))",
                "[clic](JaVaScRiPt:alert(1))",
                "[données](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
                "<svg onload=alert(1)><circle r=\"5\"/></svg>",
                "<svg><script>alert(1)</script></svg>",
                "<details open ontoggle=alert(1)>x</details>",
                "<div style=\"background:url(javascript:alert(1))\" onmouseover=\"alert(1)\">survol</div>",
                "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
                "<a href=\"&#106;avascript:alert(1)\">entité</a>",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
                "<form action=\"javascript:alert(1)\"><button>ok</button></form>",
                "<body onload=alert(1)>",
                "<scr<script>ipt>alert(1)</script>",
                "<a href=\"  javascript:alert(1)\">espaces</a>");
        for (int i = 0; i < payloads.size(); i++) {
            RawHttp.Answer created = api.createChapter(EDITION, "xss-" + i, "enfants", "Essai " + i,
                    "Avant le piège " + i + ".\n\n" + payloads.get(i) + "\n\nAprès le piège " + i + ".");
            assertThat(created.status()).as(payloads.get(i) + ": " + created).isEqualTo(201);
        }
        Pattern script = Pattern.compile("(?i)<script");
        Pattern handler = Pattern.compile("(?i)<[^>]*\\son[a-z]+\\s*=");
        Pattern javascript = Pattern.compile("(?i)javascript:|&#0*106;avascript");
        Pattern dataUrl = Pattern.compile("(?i)(href|src|data|action)\\s*=\\s*[\"']?\\s*data:");
        Pattern frame = Pattern.compile("(?i)<(iframe|object|embed|form)");
        for (int i = 0; i < payloads.size(); i++) {
            String path = "/" + EDITION + "/xss-" + i;
            int n = i;
            await(path + " served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> platform.gateway().get(path).body().contains("Après le piège " + n));
            String html = platform.gateway().get(path).body();
            assertThat(html).as(payloads.get(i)).doesNotContainPattern(script).doesNotContainPattern(handler)
                    .doesNotContainPattern(javascript).doesNotContainPattern(dataUrl);
            // The page's own header has a form (the search box); what the author wrote is in <main>
            assertThat(Jsoup.parse(html).select("main").outerHtml()).as(payloads.get(i)).contains("Après le piège " + n)
                    .doesNotContainPattern(frame);
        }
        System.out.printf("[reliability] Markdown payloads: %d accepted chapters (script, iframe, event handlers, javascript:/data: "
                + "URLs, SVG), %d served pages without a script, event handler, javascript:/data: URL or frame%n", payloads.size(), payloads.size());
    }

    /**
     * The case's headers with {@link #CURRENT} replaced by the target's current revision: each
     * request is refused for its hostile part, never merely for a revision an earlier one changed.
     */
    private Map<String, String> current(Case c) {
        if (!CURRENT.equals(c.headers().get("If-Match"))) {
            return c.headers();
        }
        String resource = c.path().replaceFirst("/move$", "").replaceFirst(":import$", "");
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        headers.put("If-Match", platform.gateway().get(resource).header("etag"));
        return headers;
    }

    /** Null if the answer is a 4xx JSON problem; otherwise what is wrong with it. */
    private static String problemOf(RawHttp.Answer answer) {
        if (answer.status() < 400 || answer.status() >= 500) {
            return "status " + answer.status();
        }
        if (!answer.header("content-type").contains("json")) {
            return "not JSON";
        }
        try {
            Number status = JsonPath.read(answer.body(), "$.status");
            return status.intValue() == answer.status() ? null : "status in the body " + status;
        } catch (RuntimeException e) {
            return "not a JSON problem";
        }
    }

    private static String summary(Map<String, int[]> byCategory) {
        List<String> parts = new ArrayList<>();
        byCategory.forEach((category, counts) -> parts.add(category + " " + counts[0] + "/" + counts[1]));
        return String.join(", ", parts);
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static Case with(Case target, String category, String name, String body) {
        return new Case(category, target.name() + ": " + abbreviated(name), target.method(), target.path(), target.headers(), bytes(body));
    }

    /** The target's valid body with its main text field (a number for a move) 2.1 MB long. */
    private static String hugeField(String target, String text) {
        return switch (target) {
            case "chapter PUT" -> "{\"title\": \"Cible\", \"body\": \"" + text + "\"}";
            case "indicator PUT" -> "{\"label\": \"" + text + "\", \"type\": \"integer\", \"value\": 7}";
            case "dataset PUT" -> DATASET_UPDATE.replace("\"Table\"", "\"" + text + "\"");
            default -> "{\"position\": " + "9".repeat(text.length()) + "}";
        };
    }

    private static Map<String, String> json(String token, String ifMatch) {
        return ReportApi.headers(token, "If-Match", ifMatch);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid document with the bad bytes inside its first string value. */
    private static byte[] invalidUtf8(String valid, byte[] bad) {
        byte[] text = bytes(valid);
        int at = valid.indexOf(": \"") >= 0 ? bytes(valid.substring(0, valid.indexOf(": \"") + 3)).length : text.length;
        byte[] out = new byte[text.length + bad.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(text, at, out, at + bad.length, text.length - at);
        return out;
    }
}
