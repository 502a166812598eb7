package org.reportplatform.content.chapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.content.ContentServiceApplication;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The log is the store: the whole application, started and stopped like a real process, on a
 * real broker. Racing writers lose nothing and duplicate nothing; a new instance rebuilds
 * exactly the state the previous one had, from report.chapters.v1 alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChapterLogTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final int CLIENTS = 16;
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void startTheService() {
        app = start();
    }

    @AfterAll
    static void stopTheService() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void clientsRacingFromTheSameRevisionLoseNothingAndDuplicateNothing() throws Exception {
        // Given a chapter at revision 1
        assertThat(send(app, "PUT", "/api/editions/2070/chapters/enfants", "demo-admin", null,
                "{\"title\": \"Enfants\", \"body\": \"Texte d’origine.\", \"ownerTeam\": \"enfants\"}").statusCode()).isEqualTo(201);

        // When 16 clients update it at the same moment, all from revision 1
        List<Integer> statuses = race(i -> send(app, "PUT", "/api/editions/2070/chapters/enfants", "demo-enfants", "\"1\"",
                body("Version du client " + i)).statusCode());

        // Then exactly one wins and the others are told the chapter moved on
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(CLIENTS - 1);

        // When every loser reloads and tries again until its change is in
        List<Integer> attempts = race(i -> statuses.get(i) == 200 ? 0 : retryUntilAccepted(i));
        assertThat(attempts).allMatch(a -> a >= 0);

        // Then the log holds revisions 1..17 of the chapter, in order, with no gap or duplicate,
        // and each client's text exactly once
        List<ChapterChanged> log = new TopicReader(kafka.bootstrapServers()).values(Topics.CHAPTERS).stream()
                .filter(e -> e.getEdition().equals("2070") && e.getSlug().equals("enfants")).toList();
        assertThat(log).extracting(ChapterChanged::getRevision)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, CLIENTS + 1).mapToObj(Long::valueOf).toList());
        assertThat(log.subList(1, log.size())).extracting(e -> e.getChapter().getBody())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, CLIENTS).mapToObj(i -> "Version du client " + i).toList());
        assertThat(send(app, "GET", "/api/editions/2070/chapters/enfants", null, null, null).headers()
                .firstValue("ETag")).hasValue("\"" + (CLIENTS + 1) + "\"");
    }

    @Test
    @Order(2)
    void aNewInstanceRebuildsExactlyTheSameStateFromTheLog() {
        // Given an edition with created, edited, moved, deleted and restored chapters
        for (String slug : List.of("defenseurs", "migrants", "enfants", "femmes")) {
            assertThat(send(app, "PUT", "/api/editions/2071/chapters/" + slug, "demo-admin", null,
                    "{\"title\": \"Titre " + slug + "\", \"body\": \"Texte.\", \"ownerTeam\": \"" + slug + "\"}").statusCode())
                    .isEqualTo(201);
        }
        assertThat(send(app, "PUT", "/api/editions/2071/chapters/enfants", "demo-enfants", "\"1\"", body("« Œuvrer » ensemble.\n"))
                .statusCode()).isEqualTo(200);
        assertThat(send(app, "POST", "/api/editions/2071/chapters/femmes/move", "demo-admin", null, "{\"position\": 1}")
                .statusCode()).isEqualTo(200);
        assertThat(send(app, "DELETE", "/api/editions/2071/chapters/migrants", "demo-admin", "\"2\"", null).statusCode())
                .isEqualTo(204);
        assertThat(send(app, "POST", "/api/editions/2071/chapters/enfants/revisions/1/restore", "demo-enfants", null, null)
                .statusCode()).isEqualTo(200);
        assertThat(send(app, "POST", "/api/editions/2071/chapters/migrants/revisions/1/restore", "demo-admin", null, null)
                .statusCode()).isEqualTo(201);
        Map<String, List<ChapterChanged>> before = app.getBean(ChapterBook.class).all();
        Map<String, String> answersBefore = answers(app);

        // When the service stops and a new instance starts on the same broker
        app.close();
        app = start();

        // Then it holds exactly the same chapters, revisions and history, and answers the same
        assertThat(app.getBean(ChapterBook.class).all()).isEqualTo(before);
        assertThat(answers(app)).isEqualTo(answersBefore);
        // the edition this test wrote, whatever ran before it (a rerun starts on a fresh broker)
        assertThat(before.keySet()).filteredOn(key -> key.startsWith("2071/"))
                .containsExactlyInAnyOrder("2071/defenseurs", "2071/enfants", "2071/femmes", "2071/migrants");
    }

    /** What the API answers about both editions: lists, chapters, histories and every revision. */
    private static Map<String, String> answers(ConfigurableApplicationContext app) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String edition : List.of("2070", "2071")) {
            answers.put(edition, send(app, "GET", "/api/editions/" + edition + "/chapters", null, null, null).body());
            for (String key : app.getBean(ChapterBook.class).all().keySet()) {
                if (!key.startsWith(edition + "/")) {
                    continue;
                }
                String chapter = "/api/editions/" + key.replace("/", "/chapters/");
                answers.put(chapter, send(app, "GET", chapter, null, null, null).body());
                answers.put(chapter + "/revisions", send(app, "GET", chapter + "/revisions", null, null, null).body());
                int revisions = app.getBean(ChapterBook.class).all().get(key).size();
                for (int n = 1; n <= revisions; n++) {
                    answers.put(chapter + "/revisions/" + n, send(app, "GET", chapter + "/revisions/" + n, null, null, null).body());
                }
                answers.put(chapter + "/diff?from=1", send(app, "GET", chapter + "/diff?from=1", null, null, null).body());
            }
        }
        return answers;
    }

    private int retryUntilAccepted(int i) {
        for (int attempt = 1; attempt <= 200; attempt++) {
            String etag = send(app, "GET", "/api/editions/2070/chapters/enfants", null, null, null).headers().firstValue("ETag").orElseThrow();
            int status = send(app, "PUT", "/api/editions/2070/chapters/enfants", "demo-enfants", etag, body("Version du client " + i))
                    .statusCode();
            if (status == 200) {
                return attempt;
            }
            assertThat(status).isEqualTo(412);
        }
        return -1;
    }

    /** Runs one task per client, all released at the same moment; their results in client order. */
    private static <T> List<T> race(ClientTask<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return task.run(client);
                }));
            }
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get());
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface ClientTask<T> {
        T run(int client) throws Exception;
    }

    private static String body(String text) {
        return "{\"title\": \"Enfants\", \"body\": \"" + text.replace("\n", "\\n") + "\"}";
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext app, String method, String path, String token,
            String ifMatch, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(app) + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** The service as run.sh starts it (demo tokens), on the test's broker and a free port. */
    static ConfigurableApplicationContext start() {
        // Command-line arguments: they override application.yml (default properties would not).
        return new SpringApplicationBuilder(ContentServiceApplication.class)
                .profiles("demo")
                .run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0",
                        "--spring.main.banner-mode=off");
    }
}
