package org.reportplatform.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.gateway.live.LiveNotice;
import org.reportplatform.gateway.testing.RenderedOutputs;
import org.reportplatform.gateway.testing.StubService;
import org.reportplatform.gateway.testing.StubService.Answer;
import org.reportplatform.gateway.testing.StubService.Received;
import org.reportplatform.gateway.testing.TopicPublisher;
import org.reportplatform.gateway.testing.Browser;
import org.reportplatform.gateway.testing.TestAccounts;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAssertions;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The operations dashboard's figures ({@code GET /api/ops/pipeline}) as the gateway computes them
 * against a real broker: consumer lag per group and partition from Kafka's own offsets, the
 * gateway's own view, its latest rebuilds and their latency, each service's state and version;
 * who may see them; and how the dashboard's page reaches the render service's operator endpoints
 * with its session (the gateway's assertion of the operator relayed, the CSRF token required on a POST).
 *
 * <p>Behind the gateway: nothing listens where the content service should be; the figures and
 * render services are stub HTTP servers answering what a healthy and a failing Spring Boot
 * service answer on {@code /actuator/*}, and recording what the gateway sends on {@code /api/ops/**}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@AutoConfigureWebTestClient
@DirtiesContext
class PipelineDashboardTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    static final StubService figures = StubService.start();
    static final StubService render = StubService.start();

    private static final String COOKIE = "REPORT_SESSION";
    private static final Pattern PAGE_CSRF = Pattern.compile("data-csrf=\"([^\"]*)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        kafka.register(registry);
        registry.add("report.gateway.content-uri", StubService::downServiceUri);
        registry.add("report.gateway.figures-uri", figures::uri);
        registry.add("report.gateway.render-uri", render::uri);
        registry.add("report.gateway.ops.check-timeout", () -> "1s");
    }

    @BeforeAll
    static void topics() {
        TopicPublisher.createTopics(kafka.bootstrapServers());
        // The demo accounts, as content-service creates them in the demo profile
        try (TopicPublisher publisher = new TopicPublisher(kafka.bootstrapServers())) {
            TestAccounts.publish(publisher, "demo-operator", 1,
                    TestAccounts.account("operator@example.org", "Marc Lefèvre", "demo-password", "operator").build());
            TestAccounts.publish(publisher, "demo-webteam", 1,
                    TestAccounts.account("webteam@example.org", "Sofia Rossi", "demo-password", "webteam").build());
        }
    }

    @AfterAll
    static void stopStubs() {
        figures.close();
        render.close();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    CallerAssertions assertions;

    @Autowired
    BuildProperties build;

    @BeforeEach
    void resetStubs() {
        figures.reset();
        render.reset();
    }

    @Test
    void showsEachServiceWithItsStateReadinessAndVersion() {
        // Given a healthy figures service, a render service whose Kafka is down, and no content service
        figures.answer("/actuator/health", json(200, "{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}"))
                .answer("/actuator/health/readiness", json(200, "{\"status\":\"UP\"}"))
                .answer("/actuator/info", json(200, "{\"build\":{\"version\":\"2.3.4\",\"time\":\"2026-11-01T10:00:00.000Z\"}}"));
        render.answer("/actuator/health", json(503,
                        "{\"status\":\"DOWN\",\"components\":{\"diskSpace\":{\"status\":\"UP\"},\"kafka\":{\"status\":\"DOWN\"}}}"))
                .answer("/actuator/health/readiness", json(503, "{\"status\":\"OUT_OF_SERVICE\"}"))
                .answer("/actuator/info", json(200, "{}"));

        // When an operator asks for the pipeline
        Pipeline pipeline = pipeline("demo-operator");

        // Then the four services, in order, as each one is
        assertThat(pipeline.services()).extracting(ServiceStatus::name, ServiceStatus::state, ServiceStatus::ready, ServiceStatus::version)
                .containsExactly(
                        tuple("gateway", "UP", true, build.getVersion()),
                        tuple("content-service", ServiceStatus.UNREACHABLE, null, null),
                        tuple("figures-service", "UP", true, "2.3.4"),
                        tuple("render-service", "DOWN", false, null));
        assertThat(build.getVersion()).as("the gateway's build-info").isNotBlank();
        assertThat(pipeline.services().get(1).detail()).as("why the content service is unreachable").isNotBlank();
        assertThat(pipeline.services().get(2).builtAt()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(pipeline.services().get(2).responseMs()).isNotNull();
        assertThat(pipeline.services().get(3).detail()).isEqualTo("kafka: DOWN");
    }

    @Test
    void computesTheLagOfEachConsumerGroupPerPartition() throws Exception {
        // Given a topic of two partitions: 5 records in one, 3 in the other
        String topic = "ops-test.lag";
        createTopic(topic, 2);
        try (KafkaProducer<String, String> producer = producer(null)) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v")).get();
            }
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, 1, "k" + i, "v")).get();
            }
        }
        // And a group that has committed 2 of the first and all of the second
        try (KafkaConsumer<String, String> consumer = consumer("ops-test-group")) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(3)));
        }

        // When an operator asks, Then the group is 3 behind, all in partition 0
        ConsumerLag lag = group(pipeline("demo-operator"), "ops-test-group");
        assertThat(lag.kind()).isEqualTo("group");
        assertThat(lag.state()).isEqualTo("EMPTY");
        assertThat(lag.lag()).isEqualTo(3);
        assertThat(lag.partitions()).extracting(ConsumerLag.PartitionLag::topic, ConsumerLag.PartitionLag::partition,
                        ConsumerLag.PartitionLag::position, ConsumerLag.PartitionLag::end, ConsumerLag.PartitionLag::lag)
                .containsExactly(tuple(topic, 0, 2L, 5L, 3L), tuple(topic, 1, 3L, 3L, 0L));

        // When the group catches up, Then its lag is zero
        try (KafkaConsumer<String, String> consumer = consumer("ops-test-group")) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(5)));
        }
        assertThat(group(pipeline("demo-admin"), "ops-test-group").lag()).isZero();
    }

    @Test
    void anOpenTransactionIsNotLagForReadCommittedConsumers() throws Exception {
        // Given a transaction of 3 records, committed, and a read-committed group that read it all
        String topic = "ops-test.tx";
        createTopic(topic, 1);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaProducer<String, String> producer = producer("ops-test-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v"));
            }
            producer.commitTransaction();
            try (KafkaConsumer<String, String> consumer = consumer("ops-test-tx-group")) {
                consumer.assign(List.of(partition));
                List<ConsumerRecord<String, String>> read = new ArrayList<>();
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    consumer.poll(Duration.ofMillis(100)).forEach(read::add);
                    // past the 3 records and the transaction's commit marker
                    return read.size() == 3 && consumer.position(partition) == 4;
                });
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(consumer.position(partition))));
            }
            assertThat(group(pipeline("demo-operator"), "ops-test-tx-group").partitions())
                    .extracting(ConsumerLag.PartitionLag::position, ConsumerLag.PartitionLag::end, ConsumerLag.PartitionLag::lag)
                    .containsExactly(tuple(4L, 4L, 0L));

            // When a second transaction is open (2 records sent, not committed)
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, "k", "v"));
            producer.send(new ProducerRecord<>(topic, 0, "k", "v"));
            producer.flush();

            // Then nothing is readable yet: the end is the last stable offset, the lag still zero
            assertThat(group(pipeline("demo-operator"), "ops-test-tx-group").lag()).isZero();

            // And once it commits, its records are lag
            producer.commitTransaction();
            assertThat(group(pipeline("demo-operator"), "ops-test-tx-group").lag()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void showsTheGatewaysOwnViewAndItsLatestRebuildsWithTheirLatency() {
        // Given two pages published after the gateway started, edited 120 and 40 ms before publication
        Instant now = Instant.now();
        try (TopicPublisher publisher = new TopicPublisher(kafka.bootstrapServers())) {
            publisher.publish(Topics.PAGES.name(), "/2024/a", withLatency(RenderedOutputs.html("/2024/a", "<h1>A</h1>"), now, 120));
            publisher.publish(Topics.PAGES.name(), "/2024/b", withLatency(RenderedOutputs.html("/2024/b", "<h1>B</h1>"), now, 40));
        }

        // When an operator asks, Then the newest rebuild comes first, with its latency
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Pipeline pipeline = pipeline("demo-operator");
            assertThat(pipeline.rebuilds()).extracting(LiveNotice::path, LiveNotice::latencyMs)
                    .containsSubsequence(tuple("/2024/b", 40L), tuple("/2024/a", 120L));
            assertThat(pipeline.latency().measured()).isGreaterThanOrEqualTo(2);
            assertThat(pipeline.latency().maxMs()).isGreaterThanOrEqualTo(120);
            assertThat(pipeline.latency().lastId()).isEqualTo(pipeline.rebuilds().get(0).id());

            // And the gateway's view has read everything there is: no lag, its position at the end
            ConsumerLag view = group(pipeline, LagReader.GATEWAY_VIEW);
            assertThat(view.kind()).isEqualTo("gateway-view");
            assertThat(view.state()).isEqualTo("CAUGHT_UP");
            assertThat(view.lag()).isZero();
            assertThat(view.partitions()).extracting(ConsumerLag.PartitionLag::topic).contains(Topics.PAGES.name(), Topics.DOCUMENTS.name());
            assertThat(view.partitions().stream().filter(p -> p.topic().equals(Topics.PAGES.name()))
                    .mapToLong(ConsumerLag.PartitionLag::end).sum()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void showsTheLatestSourceEventsWithTheLatencyOfTheOutputsTheyCaused() {
        // Given a chapter edited (revision 3) and a page rebuilt for it 150 ms later, then the chapter deleted
        Instant edited = Instant.now().minusSeconds(1);
        String edit = UUID.randomUUID().toString();
        String deletion = UUID.randomUUID().toString();
        try (TopicPublisher publisher = new TopicPublisher(kafka.bootstrapServers())) {
            publisher.publish(Topics.CHAPTERS.name(), "2024/ops-events", chapterChanged(edit, edited, 3, true));
            RenderedOutput page = RenderedOutput.newBuilder(RenderedOutputs.html("/2024/ops-events", "<h1>Événements</h1>"))
                    .setCauses(List.of(edit)).setSourceChangedAt(edited).setPublishedAt(edited.plusMillis(150)).build();
            publisher.publish(Topics.PAGES.name(), "/2024/ops-events", page);
            publisher.publish(Topics.CHAPTERS.name(), "2024/ops-events", chapterChanged(deletion, edited.plusMillis(400), 4, false));
        }

        // When an operator asks, Then the newest event first: the deletion, not (yet) live; then the edit, live after 150 ms
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pipeline("demo-operator").events())
                .extracting(SourceEvent::eventId, SourceEvent::kind, SourceEvent::key, SourceEvent::revision, SourceEvent::deleted,
                        SourceEvent::actor, SourceEvent::topic, SourceEvent::latencyMs, SourceEvent::path)
                .containsSubsequence(
                        tuple(deletion, "chapter", "2024/ops-events", 4L, true, "admin", Topics.CHAPTERS.name(), null, null),
                        tuple(edit, "chapter", "2024/ops-events", 3L, false, "enfants", Topics.CHAPTERS.name(), 150L, "/2024/ops-events")));
    }

    @Test
    void onlyOperatorsAndAdminsSeeThePipeline() {
        http.get().uri("/api/ops/pipeline").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("operator"));
        http.get().uri("/api/ops/pipeline").headers(h -> h.setBearerAuth("faux")).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/ops/pipeline").headers(h -> h.setBearerAuth("demo-webteam")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/ops/pipeline").headers(h -> h.setBearerAuth("demo-enfants")).exchange().expectStatus().isForbidden();
        http.get().uri("/api/ops/pipeline").headers(h -> h.setBearerAuth("demo-admin")).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
        // The pipeline is the gateway's own: never routed to the render service
        assertThat(render.received()).noneMatch(r -> r.pathAndQuery().startsWith("/api/ops/pipeline"));

        // The page, too
        http.get().uri("/ops").headers(h -> h.setBearerAuth("demo-webteam")).exchange().expectStatus().isForbidden();
        http.get().uri("/ops").exchange().expectStatus().isSeeOther().expectHeader().location("/signin?next=/ops");
        http.get().uri("/ops").headers(h -> h.setBearerAuth("demo-operator")).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", org.reportplatform.gateway.ui.UiPages.CONTENT_SECURITY_POLICY)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("<h1>Opérations</h1>", "/ui/uPlot.iife.min.js", "/ui/ops.js", "/ui/uPlot.min.css", "id=\"rebuild-button\"")
                        // deferred scripts run in document order: the shared rows before the page's script
                        .containsSubsequence("/ui/notices.js", "/ui/ops.js")
                        // a bearer caller has no session, so no CSRF token to act with
                        .contains("data-csrf=\"\""));
        http.get().uri("/ui/uPlot.iife.min.js").exchange().expectStatus().isOk()
                .expectHeader().contentType("text/javascript;charset=UTF-8")
                .expectBody(String.class).value(script -> assertThat(script).contains("uPlot"));
        http.get().uri("/ui/ops.js").exchange().expectStatus().isOk();
        http.get().uri("/ui/notices.js").exchange().expectStatus().isOk()
                .expectHeader().contentType("text/javascript;charset=UTF-8")
                .expectBody(String.class).value(script -> assertThat(script).contains("window.Notices"));
    }

    @Test
    void theDashboardsSessionReachesTheRenderServiceAsTheOperatorAndPostsNeedTheCsrfToken() {
        // Given an operator signed in in a browser, on the dashboard
        Browser browser = signIn("operator@example.org");
        String page = browser.get("/ops").getResponseBody();
        Matcher csrf = PAGE_CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        assertThat(csrf.group(1)).hasSizeGreaterThan(30);
        render.answer("/api/ops/dead-letters", json(200, "[]"));

        // When the page reads the dead letters with its session (no Authorization header)
        http.get().uri("/api/ops/dead-letters").cookie(COOKIE, browser.session()).cookie("other", "kept").exchange().expectStatus().isOk();

        // Then the render service gets the gateway's assertion naming the operator, and never the session cookie
        Received read = only(render.received());
        assertThat(callerOf(read).accountId()).isEqualTo("demo-operator");
        assertThat(read.header(HttpHeaders.COOKIE)).isEqualTo("other=kept");

        // When the page posts a rebuild without the CSRF token, or with a wrong one
        render.reset();
        http.post().uri("/api/ops/rebuild").cookie(COOKIE, browser.session()).cookie("XSRF-TOKEN", browser.cookie("XSRF-TOKEN")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("CSRF"));
        http.post().uri("/api/ops/rebuild").cookie(COOKIE, browser.session()).cookie("XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .header("X-CSRF-Token", csrf.group(1) + "x").exchange()
                .expectStatus().isForbidden();
        // Then the render service never saw them
        assertThat(render.received()).isEmpty();

        // When it posts with its CSRF token (as ops.js does), Then the rebuild reaches the render service as the operator
        render.answer("/api/ops/rebuild", json(200, "{\"rendered\":3,\"published\":1,\"unchanged\":2,\"deleted\":0}"));
        http.post().uri("/api/ops/rebuild").cookie(COOKIE, browser.session()).cookie("XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .header("X-CSRF-Token", csrf.group(1)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.published").isEqualTo(1);
        Received posted = only(render.received());
        assertThat(posted.method()).isEqualTo("POST");
        assertThat(callerOf(posted).accountId()).isEqualTo("demo-operator");
        assertThat(posted.header(HttpHeaders.COOKIE)).isNull();
    }

    @Test
    void otherCallersAreRefusedOrRelayedAsThemselves() {
        // A web team session may not use the operator endpoints: refused before the render service
        Browser webteam = signIn("webteam@example.org");
        http.get().uri("/api/ops/dead-letters").cookie(COOKIE, webteam.session()).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(render.received()).isEmpty();

        // A request with its own token acts as that token's account, session or not, and needs no CSRF token
        render.reset();
        Browser operator = signIn("operator@example.org");
        http.post().uri("/api/ops/rebuild").cookie(COOKIE, operator.session()).headers(h -> h.setBearerAuth("demo-admin")).exchange()
                .expectStatus().isOk();
        Received own = only(render.received());
        assertThat(callerOf(own).accountId()).isEqualTo("demo-admin");
        assertThat(callerOf(own).token()).isEqualTo("demo-admin");
        assertThat(own.header(HttpHeaders.COOKIE)).isNull();
    }

    private Pipeline pipeline(String token) {
        Pipeline pipeline = http.get().uri("/api/ops/pipeline").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(Pipeline.class).returnResult().getResponseBody();
        assertThat(pipeline).isNotNull();
        assertThat(pipeline.kafka().available()).as("lag read: %s", pipeline.kafka().error()).isTrue();
        return pipeline;
    }

    private static ConsumerLag group(Pipeline pipeline, String group) {
        return pipeline.consumers().stream().filter(c -> c.group().equals(group)).findFirst()
                .orElseThrow(() -> new AssertionError("no consumer " + group + " in " + pipeline.consumers()));
    }

    private static ChapterChanged chapterChanged(String eventId, Instant at, long revision, boolean present) {
        return ChapterChanged.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(eventId).setOccurredAt(at)
                        .setActor(present ? "enfants" : "admin").setTraceparent(null).build())
                .setEdition("2024").setSlug("ops-events").setRevision(revision)
                .setChapter(present ? ChapterState.newBuilder().setTitle("Événements").setBody("Texte").setPosition(1)
                        .setOwnerTeam("enfants").build() : null)
                .build();
    }

    private static RenderedOutput withLatency(RenderedOutput output, Instant publishedAt, long latencyMs) {
        return RenderedOutput.newBuilder(output).setPublishedAt(publishedAt).setSourceChangedAt(publishedAt.minusMillis(latencyMs)).build();
    }

    private static Answer json(int status, String body) {
        return new Answer(status, "application/json", body, Map.of(), Duration.ZERO);
    }

    private static Received only(List<Received> received) {
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    /** A demo account, signed in with its email and the demo password, as a browser does. */
    private Browser signIn(String email) {
        Browser browser = new Browser(http);
        assertThat(browser.signIn(email, "demo-password", null).getStatus().value()).isEqualTo(303);
        return browser;
    }

    private Caller callerOf(Received received) {
        String authorization = received.header(HttpHeaders.AUTHORIZATION);
        assertThat(authorization).startsWith("Bearer ");
        return CallerAssertions.callerOf(assertions.decoder().decode(authorization.substring(7)).block());
    }

    private static void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(List.of(name)).allTopicNames().get()
                    .get(name).partitions().stream().allMatch(p -> p.leader() != null && p.leader().id() >= 0));
        }
    }

    private static KafkaProducer<String, String> producer(String transactionalId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
