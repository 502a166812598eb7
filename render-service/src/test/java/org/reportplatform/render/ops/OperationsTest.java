package org.reportplatform.render.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.render.RenderProperties;
import org.reportplatform.render.deadletters.ReplayedDeadLetters;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.AvroSerializer;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.ColumnType;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetColumn;
import org.reportplatform.schemas.DatasetState;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EditionState;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topic;
import org.reportplatform.schemas.Topics;
import org.reportplatform.schemas.TranslationChanged;
import org.reportplatform.schemas.TranslationState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operators see and do, against a real broker: dead letters listed and replayed, the
 * Prometheus output after scripted edits, full-rebuild progress, and the trace of an edit on the
 * pages it rebuilt. Each test uses editions of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"report.render.quiet-window=10ms", "report.render.document-window=1s", "report.render.document-quiet-window=300ms",
                "report.observability.consumer-lag-refresh=300ms"})
@AutoConfigureWebTestClient
@AutoConfigureMetrics
@ActiveProfiles("demo")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    private static final String NNBSP = "\u202F";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    private static KafkaProducer<String, SpecificRecord> events;
    private static KafkaProducer<String, byte[]> raw;

    WebTestClient http;

    /** A full rebuild renders every edition's PDF: longer than WebTestClient's default 5 s on a busy machine. */
    @Autowired
    void http(WebTestClient client) {
        http = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Autowired
    ConsumerFactory<String, Object> consumers;

    @Autowired
    KafkaTemplate<String, SpecificRecord> template;

    @Autowired
    RenderProperties properties;

    @BeforeAll
    static void producers() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        events = new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer());
        raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        events.close();
        raw.close();
    }

    // ---------------------------------------------------------------- dead letters

    @Test
    void poison_on_every_source_topic_is_dead_lettered_listed_refused_while_still_bad_and_replayed_once_fixed() throws Exception {
        // Given an edition with a chapter
        send(Topics.CHAPTERS, "dl1/intro", chapter("dl1", "intro", 1, "Introduction", "Texte."));
        awaitPage("/dl1/intro", html -> html.contains("Introduction"));

        // When each source topic receives bytes that are no Avro event, then an event written with a
        // schema no release of the platform knows, then a valid event of the same key (same partition)
        Map<Topic<?>, String> keys = Map.of(Topics.CHAPTERS, "dl1/intro", Topics.INDICATORS, "dl1/cases", Topics.DATASETS, "dl1/budget",
                Topics.EDITIONS, "dl1", Topics.TRANSLATIONS, "dl1/intro/en");
        Map<String, byte[]> poisonSent = new HashMap<>();
        Map<String, List<Long>> poisonOffsets = new HashMap<>();
        for (Topic<?> topic : Topics.SOURCES) {
            byte[] garbage = new byte[40];
            new Random(topic.name().hashCode()).nextBytes(garbage);
            byte[] unknownSchema = unknownFingerprint(topic.name());
            poisonOffsets.put(topic.name(), List.of(sendRaw(topic, keys.get(topic), garbage, Map.of()).offset(),
                    sendRaw(topic, keys.get(topic), unknownSchema, Map.of()).offset()));
            poisonSent.put(topic.name() + "/garbage", garbage);
            poisonSent.put(topic.name() + "/unknown", unknownSchema);
        }
        send(Topics.CHAPTERS, "dl1/intro", chapter("dl1", "intro", 2, "Introduction", "Après le poison."));
        send(Topics.INDICATORS, "dl1/cases", indicator("dl1", "cases", 1, "4445"));
        send(Topics.DATASETS, "dl1/budget", dataset("dl1", "budget", 1, "Budget après le poison"));
        send(Topics.EDITIONS, "dl1", EditionChanged.newBuilder().setMetadata(metadata()).setEdition("dl1").setRevision(1)
                .setState(EditionState.newBuilder().setTitle("Rapport dl1").setSourceLanguage("fr").setTargetLanguages(List.of("en"))
                        .setStatus(EditionStatus.PUBLISHED).build()).build());
        send(Topics.TRANSLATIONS, "dl1/intro/en", TranslationChanged.newBuilder().setMetadata(metadata()).setEdition("dl1").setSlug("intro")
                .setLanguage("en").setRevision(1).setTranslation(TranslationState.newBuilder().setTitle("Introduction (en)")
                        .setBody("After the poison.").setSourceRevision(2).build()).build());

        // Then the records after the poison are processed
        awaitPage("/dl1/intro", html -> html.contains("Après le poison."));
        awaitPage("/dl1/chiffres-cles", html -> html.contains("4" + NNBSP + "445"));
        awaitPage("/dl1/finances", html -> html.contains("Budget après le poison"));
        awaitPage("/dl1/en/intro", html -> html.contains("After the poison."));

        // and every poison record is listed, newest first, with where it came from and its error
        List<JsonNode> listed = await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters("dl1"), list -> list.size() == 2 * Topics.SOURCES.size());
        for (Topic<?> topic : Topics.SOURCES) {
            List<JsonNode> ofTopic = listed.stream().filter(d -> d.path("originalTopic").asString().equals(topic.name())).toList();
            assertThat(ofTopic).hasSize(2);
            for (JsonNode d : ofTopic) {
                assertThat(d.path("deadLetterTopic").asString()).isEqualTo(topic.deadLetterTopic());
                assertThat(d.path("id").asString()).isEqualTo(topic.deadLetterTopic() + "-" + d.path("originalPartition").asInt() + "-"
                        + offsetOf(d.path("id").asString()));
                assertThat(d.path("key").asString()).isEqualTo(keys.get(topic));
                assertThat(d.path("exception").asString()).endsWith("DeserializationException");
                assertThat(Instant.parse(d.path("failedAt").asString())).isBetween(Instant.now().minus(1, ChronoUnit.MINUTES), Instant.now());
                assertThat(d.path("replayed").asBoolean()).isFalse();
            }
            assertThat(ofTopic).extracting(d -> d.path("message").asString()).anySatisfy(m -> assertThat(m).contains("not an Avro single-object encoded event"))
                    .anySatisfy(m -> assertThat(m).contains("unknown schema"));
            assertThat(ofTopic).extracting(d -> d.path("originalOffset").asLong())
                    .containsExactlyInAnyOrderElementsOf(poisonOffsets.get(topic.name()));
            assertThat(ofTopic).extracting(d -> d.path("sizeBytes").asInt())
                    .containsExactlyInAnyOrder(poisonSent.get(topic.name() + "/garbage").length, poisonSent.get(topic.name() + "/unknown").length);
        }
        List<JsonNode> all = deadLetters("");
        assertThat(all).isSortedAccordingTo(Comparator.comparing((JsonNode d) -> Instant.parse(d.path("failedAt").asString())).reversed());

        // and only operators may see or replay them
        http.get().uri("/api/ops/dead-letters").header("Authorization", "Bearer demo-webteam").exchange().expectStatus().isForbidden();
        http.get().uri("/api/ops/dead-letters").exchange().expectStatus().isUnauthorized();

        // When an operator replays a record that is still bad, it is refused with the error and stays a dead letter
        String stillBad = listed.stream().filter(d -> d.path("originalTopic").asString().equals(Topics.INDICATORS.name())
                && d.path("message").asString().contains("unknown schema")).findFirst().orElseThrow().path("id").asString();
        http.post().uri("/api/ops/dead-letters/{id}/replay", stillBad).header("Authorization", "Bearer demo-operator").exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.status").isEqualTo(422)
                .jsonPath("$.errors[0].field").isEqualTo("record")
                .jsonPath("$.errors[0].problem").value(String.class, p -> assertThat(p).contains("unknown schema"));
        assertThat(deadLetters("dl1/")).filteredOn(d -> d.path("id").asString().equals(stillBad))
                .singleElement().satisfies(d -> assertThat(d.path("replayed").asBoolean()).isFalse());

        // and unknown ids are 404, other roles 403
        http.post().uri("/api/ops/dead-letters/{id}/replay", Topics.CHAPTERS.deadLetterTopic() + "-0-999999")
                .header("Authorization", "Bearer demo-operator").exchange().expectStatus().isNotFound();
        http.post().uri("/api/ops/dead-letters/{id}/replay", "report.pages.v1-0-0")
                .header("Authorization", "Bearer demo-operator").exchange().expectStatus().isNotFound();
        http.post().uri("/api/ops/dead-letters/{id}/replay", stillBad)
                .header("Authorization", "Bearer demo-defenseurs").exchange().expectStatus().isForbidden();

        // Given a dead letter whose cause is fixed in this release: a chapter event written with
        // ChapterChanged v2 that a render service released before v2 was published could not
        // decode, dead-lettered as that release did (its value as it arrived, its error in headers)
        ChapterChanged annex = chapter("dl1", "annexe", 1, "Annexe retrouvée", "Rendue après le rejeu.");
        byte[] annexBytes = new AvroSerializer().serialize(Topics.CHAPTERS.name(), annex);
        sendRaw(Topics.CHAPTERS.deadLetterTopic(), 0, "dl1/annexe", annexBytes, Map.of(
                "kafka_dlt-original-topic", Topics.CHAPTERS.name().getBytes(StandardCharsets.UTF_8),
                "kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array(),
                "kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(3).array(),
                "kafka_dlt-exception-fqcn", "org.springframework.kafka.support.serializer.DeserializationException".getBytes(StandardCharsets.UTF_8),
                "kafka_dlt-exception-message", ("record on report.chapters.v1 was written with an unknown schema: it is not a "
                        + "published version of any platform event").getBytes(StandardCharsets.UTF_8)));
        String fixed = await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters("dl1/annexe"), list -> list.size() == 1)
                .get(0).path("id").asString();

        // When an operator replays it
        http.post().uri("/api/ops/dead-letters/{id}/replay", fixed).header("Authorization", "Bearer demo-operator").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(fixed)
                .jsonPath("$.outcome").isEqualTo("applied");

        // Then it is applied like any event: its page is rebuilt and names the event as its cause
        ConsumerRecord<String, SpecificRecord> page = awaitPage("/dl1/annexe", html -> html.contains("Rendue après le rejeu."));
        assertThat(((RenderedOutput) page.value()).getCauses()).contains(annex.getMetadata().getEventId());

        // and it is marked replayed, cannot be replayed twice, and that survives a restart (the
        // replayed ids are read back from their topic by a fresh instance, as at start-up)
        assertThat(deadLetters("dl1/annexe")).singleElement().satisfies(d -> assertThat(d.path("replayed").asBoolean()).isTrue());
        http.post().uri("/api/ops/dead-letters/{id}/replay", fixed).header("Authorization", "Bearer demo-admin").exchange()
                .expectStatus().isEqualTo(409);
        assertThat(new ReplayedDeadLetters(ReplayedDeadLetters.log(consumers, Duration.ofSeconds(30)), template, properties.sendTimeout()).contains(fixed)).isTrue();
        assertThat(new ReplayedDeadLetters(ReplayedDeadLetters.log(consumers, Duration.ofSeconds(30)), template, properties.sendTimeout()).contains(stillBad)).isFalse();
    }

    // ---------------------------------------------------------------- metrics

    @Test
    void the_prometheus_output_has_every_pipeline_metric_with_sensible_values_after_scripted_edits() {
        // Given a chapter, a burst of twenty changes of one figure, a dataset, a poison record and an operator's rebuild
        send(Topics.CHAPTERS, "m1/a", chapter("m1", "a", 1, "Chapitre", "La base a documenté {{fig:cases}} cas."));
        awaitPage("/m1/a", html -> html.contains("Chapitre"));
        for (int revision = 1; revision <= 20; revision++) {
            events.send(new ProducerRecord<>(Topics.INDICATORS.name(), "m1/cases", indicator("m1", "cases", revision, Integer.toString(4400 + revision))));
        }
        events.flush();
        send(Topics.DATASETS, "m1/budget", dataset("m1", "budget", 1, "Budget"));
        sendRaw(Topics.CHAPTERS, "m1/poison", new byte[] {1, 2, 3}, Map.of());
        awaitPage("/m1/a", html -> html.contains("4" + NNBSP + "420"));
        http.post().uri("/api/ops/rebuild").header("Authorization", "Bearer demo-operator").exchange().expectStatus().isOk();

        // Then /actuator/prometheus says what happened (the report PDF and the group lag follow shortly)
        String metrics = await().atMost(Duration.ofSeconds(20)).until(this::prometheus, text ->
                sum(text, "report_render_edit_to_live_seconds_count", "output=\"document\"") > 0
                        && has(text, "report_kafka_consumer_group_lag_records", "group=\"render-service\"", "topic=\"report.indicators.v1\"")
                        && sum(text, "report_render_dead_letters_total", "topic=\"report.chapters.v1\"") >= 1);

        writeSample(metrics);
        // events consumed per topic and outcome (the service's count; the Kafka consumer's own, all topics together)
        assertThat(sum(metrics, "report_render_events_total", "topic=\"report.indicators.v1\"", "outcome=\"applied\"")).isGreaterThanOrEqualTo(20);
        assertThat(sum(metrics, "report_render_events_total", "topic=\"report.datasets.v1\"", "outcome=\"applied\"")).isGreaterThanOrEqualTo(1);
        assertThat(sum(metrics, "kafka_consumer_fetch_manager_records_consumed_total", "client_id=\"consumer-render-service")).isGreaterThanOrEqualTo(22);
        // events produced per topic (acknowledged by Kafka), and the Kafka producer's own count
        assertThat(sum(metrics, "report_kafka_records_produced_total", "topic=\"report.pages.v1\"", "outcome=\"sent\"")).isGreaterThan(0);
        assertThat(sum(metrics, "report_kafka_records_produced_total", "topic=\"report.documents.v1\"", "outcome=\"sent\"")).isGreaterThan(0);
        assertThat(sum(metrics, "kafka_producer_record_send_total")).isGreaterThan(0);
        // consumer lag per group and partition (every topic had a record, so a committed offset): the group has caught up
        assertThat(samples(metrics, "report_kafka_consumer_group_lag_records", "group=\"render-service\"")).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(lag -> assertThat(lag).isBetween(0.0, 1000.0));
        assertThat(has(metrics, "kafka_consumer_fetch_manager_records_lag_max", "client_id=\"consumer-render-service")).isTrue();
        // rebuilds: how many and how long, incremental and full
        assertThat(sum(metrics, "report_render_flush_seconds_count", "kind=\"incremental\"")).isGreaterThan(0);
        assertThat(sum(metrics, "report_render_flush_seconds_count", "kind=\"full\"")).isGreaterThanOrEqualTo(2);
        assertThat(sum(metrics, "report_render_flush_seconds_sum", "kind=\"incremental\"")).isGreaterThan(0);
        assertThat(has(metrics, "report_render_flush_seconds_bucket", "kind=\"incremental\"", "le=")).isTrue();
        assertThat(sum(metrics, "report_render_document_seconds_count")).isGreaterThan(0);
        // outputs published, skipped as unchanged (the rebuild changed nothing), coalesced events (the burst)
        assertThat(sum(metrics, "report_render_outputs_total", "outcome=\"published\"")).isGreaterThan(0);
        assertThat(sum(metrics, "report_render_outputs_total", "outcome=\"unchanged\"")).isGreaterThan(0);
        assertThat(sum(metrics, "report_render_events_coalesced_total")).isBetween(1.0, 19.0);
        // edit-to-live latency: a histogram, every page within the test's minute
        assertThat(sum(metrics, "report_render_edit_to_live_seconds_count", "output=\"page\"")).isGreaterThan(0);
        assertThat(samples(metrics, "report_render_edit_to_live_seconds_bucket", "output=\"page\"")).hasSizeGreaterThan(10);
        assertThat(sum(metrics, "report_render_edit_to_live_seconds_bucket", "output=\"page\"", "le=\"60.0\""))
                .isEqualTo(sum(metrics, "report_render_edit_to_live_seconds_count", "output=\"page\""));
        assertThat(sum(metrics, "report_render_edit_to_live_seconds_max", "output=\"page\"")).isBetween(0.0, 60.0);
        // dead letters
        assertThat(sum(metrics, "report_render_dead_letters_total", "topic=\"report.chapters.v1\"")).isGreaterThanOrEqualTo(1);
        // HTTP, Boot's own
        assertThat(sum(metrics, "http_server_requests_seconds_count", "uri=\"/api/ops/rebuild\"", "status=\"200\"")).isGreaterThanOrEqualTo(1);
        // every series names its service
        assertThat(metrics).contains("application=\"render-service\"");
    }

    // ---------------------------------------------------------------- full rebuild

    @Test
    void a_full_rebuild_reports_its_progress_and_its_summary() {
        send(Topics.CHAPTERS, "r1/a", chapter("r1", "a", 1, "Un", "Texte."));
        awaitPage("/r1/a", html -> html.contains("Un"));
        http.get().uri("/api/ops/rebuild").header("Authorization", "Bearer demo-webteam").exchange().expectStatus().isForbidden();

        // When an operator rebuilds everything
        JsonNode summary = JSON.readTree(http.post().uri("/api/ops/rebuild").header("Authorization", "Bearer demo-operator").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        // Then the progress says it is done: every planned output rendered, and what it did
        JsonNode progress = JSON.readTree(http.get().uri("/api/ops/rebuild").header("Authorization", "Bearer demo-operator").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(progress.path("state").asString()).isEqualTo("idle");
        assertThat(progress.path("total").asInt()).isGreaterThanOrEqualTo(summary.path("rendered").asInt()).isGreaterThan(0);
        assertThat(progress.path("done").asInt()).isEqualTo(summary.path("rendered").asInt());
        assertThat(progress.path("lastSummary")).isEqualTo(summary);
        assertThat(Instant.parse(progress.path("startedAt").asString())).isBefore(Instant.now());
        assertThat(progress.has("startedAt") && progress.has("lastSummary")).isTrue();
    }

    // ---------------------------------------------------------------- tracing

    @Test
    void the_trace_of_an_edit_is_continued_by_the_listener_and_named_on_the_page_it_rebuilt(CapturedOutput output) {
        // Given an event written by a traced request: its trace context in its metadata and in the record's headers
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        ChapterChanged edit = ChapterChanged.newBuilder(chapter("tr1", "suivi", 1, "Suivi", "Une modification tracée."))
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setActor("test").setTraceparent(traceparent).build())
                .build();
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(Topics.CHAPTERS.name(), "tr1/suivi", edit);
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        sendRecord(record);

        // Then the rebuilt page's record carries its trace context and names the event as its cause
        RenderedOutput page = (RenderedOutput) awaitPage("/tr1/suivi", html -> html.contains("Une modification tracée.")).value();
        assertThat(page.getTraceparent()).isEqualTo(traceparent);
        assertThat(page.getCauses()).containsExactly(edit.getMetadata().getEventId());

        // and the render service's log line for that event carries the trace id (listener observation)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains(edit.getMetadata().getEventId())).toList())
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains(traceId)));
    }

    // ---------------------------------------------------------------- helpers

    /** Leaves the output for a look (target/prometheus-sample.txt): what docs/operations.md describes. */
    private static void writeSample(String metrics) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "prometheus-sample.txt"), metrics);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String prometheus() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** Sample values of the series named {@code name} whose labels contain every fragment. */
    private static List<Double> samples(String text, String name, String... labels) {
        List<Double> values = new ArrayList<>();
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                values.add(Double.parseDouble(m.group(2)));
            }
        }
        return values;
    }

    private static double sum(String text, String name, String... labels) {
        return samples(text, name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static boolean has(String text, String name, String... labels) {
        return !samples(text, name, labels).isEmpty();
    }

    private List<JsonNode> deadLetters(String keyPrefix) {
        String body = http.get().uri("/api/ops/dead-letters").header("Authorization", "Bearer demo-operator").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(body).forEach(list::add);
        return list.stream().filter(d -> d.path("key").asString().startsWith(keyPrefix)).toList();
    }

    private static String offsetOf(String id) {
        return id.substring(id.lastIndexOf('-') + 1);
    }

    private ConsumerRecord<String, SpecificRecord> awaitPage(String path, Predicate<String> html) {
        var reader = new org.reportplatform.platform.testing.TopicReader(kafka.bootstrapServers());
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> reader.records(Topics.PAGES).stream()
                .filter(r -> r.key().equals(path) && r.value() != null)
                .reduce((a, b) -> b), latest -> latest.isPresent() && html.test(text((RenderedOutput) latest.get().value())))
                .orElseThrow();
    }

    private static String text(RenderedOutput output) {
        ByteBuffer content = output.getContent().duplicate();
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] unknownFingerprint(String topic) {
        // The single-object marker and a fingerprint that is no published schema's, then a body.
        ByteBuffer bytes = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put((byte) 0xC3).put((byte) 0x01).putLong(topic.hashCode() * 31L + 0x5EEDL).put(new byte[] {2, 4, 6, 8, 10, 12, 14, 16, 18, 20});
        return bytes.array();
    }

    private static void send(Topic<?> topic, String key, SpecificRecord event) {
        sendRecord(new ProducerRecord<>(topic.name(), key, event));
    }

    private static void sendRecord(ProducerRecord<String, SpecificRecord> record) {
        try {
            events.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordMetadata sendRaw(Topic<?> topic, String key, byte[] value, Map<String, byte[]> headers) {
        return sendRaw(topic.name(), null, key, value, headers);
    }

    private static RecordMetadata sendRaw(String topic, Integer partition, String key, byte[] value, Map<String, byte[]> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, value);
        headers.forEach((name, bytes) -> record.headers().add(name, bytes));
        try {
            return raw.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventMetadata metadata() {
        String eventId = UUID.randomUUID().toString();
        return EventMetadata.newBuilder().setEventId(eventId).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setActor("test").setTraceparent("00-" + eventId.replace("-", "") + "-00f067aa0ba902b7-01").build();
    }

    private static ChapterChanged chapter(String edition, String slug, long revision, String title, String body) {
        return ChapterChanged.newBuilder().setMetadata(metadata()).setEdition(edition).setSlug(slug).setRevision(revision)
                .setChapter(ChapterState.newBuilder().setTitle(title).setBody(body).setPosition(1).setOwnerTeam(slug).setLanguage("fr").build())
                .build();
    }

    private static IndicatorChanged indicator(String edition, String id, long revision, String value) {
        return IndicatorChanged.newBuilder().setMetadata(metadata()).setEdition(edition).setIndicatorId(id).setRevision(revision)
                .setIndicator(IndicatorState.newBuilder().setLabel("Cas").setType(IndicatorType.INTEGER).setValue(value).setUnit("cas")
                        .setPeriod("2024").setSource("Base").setOwnerTeam("team").build())
                .build();
    }

    private static DatasetChanged dataset(String edition, String id, long revision, String title) {
        return DatasetChanged.newBuilder().setMetadata(metadata()).setEdition(edition).setDatasetId(id).setRevision(revision)
                .setDataset(DatasetState.newBuilder().setTitle(title)
                        .setColumns(List.of(new DatasetColumn("poste", ColumnType.TEXT), new DatasetColumn("montant", ColumnType.NUMBER)))
                        .setRows(List.of(List.of("Programmes", "1000"), List.of("Administration", "250"))).setUnit("CHF").setSource(null)
                        .setOwnerTeam("team").build())
                .build();
    }
}
