package org.reportplatform.content.chapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.content.ContentServiceApplication;
import org.reportplatform.platform.leadership.WriterLeadership;
import org.reportplatform.platform.leadership.WriterLeadership.Role;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Two instances of content-service on one broker, as two processes would run: the first is the
 * active writer, the second a standby that follows the log and refuses writes. When the active one
 * stops in the middle of a stream of edits, the standby takes over: every acknowledged edit is on
 * the log once, no refused one is, and the revisions are consecutive (none lost, none forked).
 */
class WriterTakeOverTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final String CHAPTER = "/api/editions/2080/chapters/enfants";
    private static final int EDITS_BEFORE_STOP = 15;
    private static final int EDITS_AFTER_TAKE_OVER = 15;
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stopTheInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theStandbyTakesOverWithoutALostOrForkedRevision() {
        // Given a lone instance, the active writer as soon as it is ready
        long startedAt = System.nanoTime();
        ConfigurableApplicationContext active = start();
        System.out.printf("[writers] a lone content-service instance started in %d ms, %s%n", (System.nanoTime() - startedAt) / 1_000_000,
                role(active));
        assertThat(role(active)).isEqualTo(Role.ACTIVE);
        // and a second instance beside it: a standby
        ConfigurableApplicationContext standby = start();
        assertThat(role(standby)).isEqualTo(Role.STANDBY);
        assertThat(role(active)).isEqualTo(Role.ACTIVE);
        assertThat(send(active, "PUT", null, "{\"title\": \"Enfants\", \"body\": \"Version 0\", \"ownerTeam\": \"enfants\"}")
                .statusCode()).isEqualTo(201);

        // When an author writes to the standby
        HttpResponse<String> refused = send(standby, "PUT", "\"1\"", body("Refusée par la réserve"));

        // Then it refuses: 503 with Retry-After, a problem in French, the gateway's marker; and it
        // follows the log: it serves the revision the active one wrote
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Report-Writer")).hasValue("standby");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(refused.body()).contains("en attente");
        await("the standby follows the log").atMost(Duration.ofSeconds(30))
                .until(() -> send(standby, "GET", null, null).headers().firstValue("ETag").orElse(""), "\"1\""::equals);

        // When the author keeps editing, and the active instance stops in the middle of it
        Author author = new Author(active, standby);
        author.edit(EDITS_BEFORE_STOP);
        long stoppedAt = System.nanoTime();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(active::close);
        author.edit(EDITS_AFTER_TAKE_OVER);
        stopping.join();

        // Then the standby took over within seconds
        long takeOverMillis = (author.firstAcknowledgedBy(standby) - stoppedAt) / 1_000_000;
        System.out.printf("[writers] the active instance stopped: the standby acknowledged an edit %d ms later (its take-over: %d ms);"
                + " %d edits refused meanwhile%n", takeOverMillis, standby.getBean(WriterLeadership.class).lastTakeOverMillis(),
                author.refused.size());
        assertThat(role(standby)).isEqualTo(Role.ACTIVE);
        assertThat(takeOverMillis).isLessThan(10_000);
        // and the log holds revisions 1..n of the chapter, each once, in order, each acknowledged
        // edit exactly once and no refused one
        List<ChapterChanged> log = new TopicReader(kafka.bootstrapServers()).values(Topics.CHAPTERS).stream()
                .filter(e -> e.getEdition().equals("2080") && e.getSlug().equals("enfants")).toList();
        assertThat(log).extracting(ChapterChanged::getRevision)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
        List<String> texts = log.stream().map(e -> e.getChapter().getBody()).toList();
        assertThat(texts).containsAll(author.acknowledged).doesNotHaveDuplicates().doesNotContainAnyElementsOf(author.refused);
        assertThat(author.acknowledged).hasSize(EDITS_BEFORE_STOP + EDITS_AFTER_TAKE_OVER);
        // and the new writer serves the last revision
        HttpResponse<String> last = send(standby, "GET", null, null);
        assertThat(last.headers().firstValue("ETag")).hasValue("\"" + log.size() + "\"");
        assertThat(last.body()).contains(texts.get(texts.size() - 1));
    }

    /**
     * One author editing the chapter from the revision it last read, at whichever instance takes
     * the edit: on a refusal (a standby's 503) or a refused connection, the other one.
     */
    private final class Author {
        final List<String> acknowledged = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        private final List<ConfigurableApplicationContext> instances;
        private ConfigurableApplicationContext current;
        private long firstAcknowledgedBySecond = -1;
        private int edits;

        Author(ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
            this.instances = List.of(first, second);
            this.current = first;
        }

        void edit(int count) {
            int target = acknowledged.size() + count;
            await("the author's edits acknowledged").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        editOnce();
                        return acknowledged.size() >= target;
                    });
        }

        long firstAcknowledgedBy(ConfigurableApplicationContext instance) {
            assertThat(instance).isSameAs(instances.get(1));
            return firstAcknowledgedBySecond;
        }

        private void editOnce() {
            String text = "Version " + (++edits);
            try {
                HttpResponse<String> read = sendOrFail(current, "GET", null, null);
                String etag = read.headers().firstValue("ETag").orElseThrow();
                HttpResponse<String> written = sendOrFail(current, "PUT", etag, body(text));
                switch (written.statusCode()) {
                    case 200 -> {
                        acknowledged.add(text);
                        if (current == instances.get(1) && firstAcknowledgedBySecond < 0) {
                            firstAcknowledgedBySecond = System.nanoTime();
                        }
                    }
                    case 503 -> {
                        refused.add(text);
                        other();
                    }
                    // The instance read from was a standby not yet caught up: read again.
                    case 412 -> refused.add(text);
                    default -> throw new AssertionError("unexpected answer " + written.statusCode() + ": " + written.body());
                }
            } catch (IOException e) {
                // Stopped under the request: its fate is unknown, it is neither acknowledged nor refused.
                other();
            }
        }

        private void other() {
            current = current == instances.get(0) ? instances.get(1) : instances.get(0);
        }
    }

    private static Role role(ConfigurableApplicationContext instance) {
        return instance.getBean(WriterLeadership.class).role();
    }

    private static String body(String text) {
        return "{\"title\": \"Enfants\", \"body\": \"" + text + "\"}";
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext app, String method, String ifMatch, String json) {
        try {
            return sendOrFail(app, method, ifMatch, json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + CHAPTER + " failed", e);
        }
    }

    private static HttpResponse<String> sendOrFail(ConfigurableApplicationContext app, String method, String ifMatch, String json)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(app) + CHAPTER))
                .timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json").header("Authorization", "Bearer demo-admin");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int port(ConfigurableApplicationContext app) {
        return app.getEnvironment().getProperty("local.server.port", Integer.class, 0);
    }

    /**
     * The service as run.sh starts it (demo tokens), on the test's broker and a free port, with
     * event loops of its own: by default the instances of one JVM share Reactor Netty's global
     * ones, and closing one instance would shut the other's web server down with them.
     */
    private ConfigurableApplicationContext start() {
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(ContentServiceApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
                    ReactorResourceFactory own = new ReactorResourceFactory();
                    own.setUseGlobalResources(false);
                    return own;
                }))
                .profiles("demo")
                .run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0",
                        "--spring.main.banner-mode=off");
        instances.add(instance);
        return instance;
    }
}
