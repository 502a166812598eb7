package org.reportplatform.figures.editions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.figures.FiguresServiceApplication;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.AvroSerializer;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EditionState;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.IndicatorTexts;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.Topics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * figures-service following the editions, the whole application started and stopped like a real
 * process on a real broker (content-service, which writes editions, is played by a producer): a
 * new edition copied from another gets the indicators' definitions without their values and the
 * datasets without their rows, once, whatever restarts; a closed edition refuses every change to
 * its figures with 409.
 */
class EditionFiguresTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper json = JsonMapper.builder().build();
    private static final String ADMIN = "demo-admin";

    private static ConfigurableApplicationContext app;

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aCopiedEditionGetsTheDefinitionsWithoutValuesOnceAndAClosedEditionRefusesChanges() throws Exception {
        // Given edition 2201's figures: an indicator and a dataset written through the API...
        app = start();
        assertThat(send("PUT", "/api/editions/2201/indicators/cases", "*", """
                {"label": "Cas documentés", "type": "integer", "value": 12, "unit": "cas", "period": "2201",
                 "source": "Base de données", "ownerTeam": "defenseurs"}""").statusCode()).isEqualTo(201);
        assertThat(send("PUT", "/api/editions/2201/datasets/revenus", "*", """
                {"title": "Revenus", "columns": [{"name": "source", "type": "text"}, {"name": "montant", "type": "number"}],
                 "rows": [["Gouvernements", 3200000], ["Fondations", 1400000]], "unit": "CHF", "ownerTeam": "donateurs-finances"}""")
                .statusCode()).isEqualTo(201);
        app.close();
        // ...and one with its English texts, written while the service was stopped (read at the next start)
        publish(Topics.INDICATORS.name(), "2201/budget", IndicatorChanged.newBuilder().setMetadata(metadata()).setEdition("2201")
                .setIndicatorId("budget").setRevision(1).setIndicator(IndicatorState.newBuilder().setLabel("Budget")
                        .setType(IndicatorType.MONEY).setValue("4445000").setCurrency("CHF").setPeriod("2201").setOwnerTeam("direction")
                        .setTexts(Map.of("en", IndicatorTexts.newBuilder().setLabel("Budget (en)").setUnit(null).setSource(null).build()))
                        .build())
                .build());
        // and content-service starting 2202 from 2201
        publish(Topics.EDITIONS.name(), "2202", edition("2202", 1, EditionStatus.PREPARING, "2201"));

        // When the service starts
        app = start();

        // Then 2202 has 2201's indicators without value or period, and its dataset without rows
        await().atMost(Duration.ofSeconds(30)).until(() -> send("GET", "/api/editions/2202/indicators/budget", null, null).statusCode() == 200);
        JsonNode cases = body(send("GET", "/api/editions/2202/indicators/cases", null, null));
        assertThat(cases.path("label").asString()).isEqualTo("Cas documentés");
        assertThat(cases.path("unit").asString()).isEqualTo("cas");
        assertThat(cases.path("source").asString()).isEqualTo("Base de données");
        assertThat(cases.path("ownerTeam").asString()).isEqualTo("defenseurs");
        assertThat(cases.has("value")).isTrue();
        assertThat(cases.get("value").isNull()).isTrue();
        assertThat(cases.has("period")).isFalse();
        JsonNode revenus = body(send("GET", "/api/editions/2202/datasets/revenus", null, null));
        assertThat(revenus.path("title").asString()).isEqualTo("Revenus");
        assertThat(revenus.path("columns").size()).isEqualTo(2);
        assertThat(revenus.path("rows").size()).isZero();
        List<IndicatorChanged> copied = indicatorEvents("2202");
        assertThat(copied).extracting(IndicatorChanged::getIndicatorId).containsExactlyInAnyOrder("cases", "budget");
        IndicatorState budget = copied.stream().filter(e -> e.getIndicatorId().equals("budget")).findFirst().orElseThrow().getIndicator();
        assertThat(budget.getValue()).isEmpty();
        assertThat(budget.getCurrency()).isEqualTo("CHF");
        assertThat(budget.getTexts().get("en").getLabel()).isEqualTo("Budget (en)");
        assertThat(datasetEvents("2202")).hasSize(1);
        // and a PUT still needs a value: 400 without, 200 with
        assertThat(send("PUT", "/api/editions/2202/indicators/cases", "\"1\"", """
                {"label": "Cas documentés", "type": "integer", "unit": "cas"}""").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/editions/2202/indicators/cases", "\"1\"", """
                {"label": "Cas documentés", "type": "integer", "value": 15, "unit": "cas", "source": "Base de données"}""")
                .statusCode()).isEqualTo(200);

        // When it restarts and reads 2202's event again, then sees 2203 started from 2201
        app.close();
        app = start();
        publish(Topics.EDITIONS.name(), "2203", edition("2203", 1, EditionStatus.PREPARING, "2201"));
        await().atMost(Duration.ofSeconds(30)).until(() -> indicatorEvents("2203").size() == 2);

        // Then 2203 is copied and 2202 was not copied again (its value stays)
        assertThat(indicatorEvents("2202")).hasSize(3);
        assertThat(datasetEvents("2202")).hasSize(1);
        assertThat(body(send("GET", "/api/editions/2202/indicators/cases", null, null)).path("value").asInt()).isEqualTo(15);

        // When content-service closes 2201
        publish(Topics.EDITIONS.name(), "2201", edition("2201", 1, EditionStatus.CLOSED, null));

        // Then its indicators, datasets, imports and schedules refuse changes, naming the edition
        String indicatorPut = """
                {"label": "Cas documentés", "type": "integer", "value": 13, "unit": "cas", "source": "Base de données"}""";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> send("PUT", "/api/editions/2201/indicators/cases", "\"1\"", indicatorPut).statusCode() == 409);
        JsonNode refused = body(send("PUT", "/api/editions/2201/indicators/cases", "\"1\"", indicatorPut));
        assertThat(refused.path("errors").get(0).path("field").asString()).isEqualTo("edition");
        assertThat(refused.path("errors").get(0).path("problem").asString())
                .isEqualTo("the 2201 edition is closed: it can only be corrected by an erratum");
        assertThat(send("PUT", "/api/editions/2201/datasets/revenus", "\"1\"", """
                {"title": "Revenus", "columns": [{"name": "source", "type": "text"}, {"name": "montant", "type": "number"}],
                 "rows": [], "unit": "CHF"}""").statusCode()).isEqualTo(409);
        assertThat(send("DELETE", "/api/editions/2201/indicators/budget", "\"1\"", null).statusCode()).isEqualTo(409);
        assertThat(send("PUT", "/api/editions/2201/indicators/cases/schedule", null, """
                {"label": "Cas documentés", "type": "integer", "value": 14, "unit": "cas", "source": "Base de données",
                 "at": "2099-01-01T09:00", "timeZone": "Europe/Zurich"}""").statusCode()).isEqualTo(409);
        HttpResponse<String> csv = client.send(HttpRequest.newBuilder(uri("/api/editions/2201/indicators:import"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("id,value\ncases,20\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(409);
        assertThat(indicatorEvents("2201")).hasSize(2);
        assertThat(datasetEvents("2201")).hasSize(1);
        // while the edition being prepared still takes them
        assertThat(send("PUT", "/api/editions/2203/indicators/cases", "\"1\"", indicatorPut).statusCode()).isEqualTo(200);
    }

    private static EditionChanged edition(String edition, long revision, EditionStatus status, String copiedFrom) {
        long next = status == EditionStatus.CLOSED ? revision + 1 : revision;
        return EditionChanged.newBuilder().setMetadata(metadata()).setEdition(edition).setRevision(next)
                .setState(EditionState.newBuilder().setTitle("Rapport annuel " + edition).setTitles(Map.of()).setSourceLanguage("fr")
                        .setTargetLanguages(List.of("en")).setStatus(status).setStaleNotice(true).setCopiedFrom(copiedFrom)
                        .setPublishedAt(null).setClosedAt(status == EditionStatus.CLOSED ? Instant.now() : null).build())
                .build();
    }

    private static EventMetadata metadata() {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setActor(ADMIN).setActorName("Claire Dubois").setToken(null).setTraceparent(null).build();
    }

    private static void publish(String topic, String key, SpecificRecord event) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        }
    }

    private static List<IndicatorChanged> indicatorEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.INDICATORS).stream().filter(e -> e.getEdition().equals(edition)).toList();
    }

    private static List<DatasetChanged> datasetEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.DATASETS).stream().filter(e -> e.getEdition().equals(edition)).toList();
    }

    private static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static URI uri(String path) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(String method, String path, String precondition, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + ADMIN);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (precondition != null) {
            request.header(precondition.equals("*") ? "If-None-Match" : "If-Match", precondition);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static ConfigurableApplicationContext start() {
        // Command-line arguments: they override application.yml (default properties would not).
        return new SpringApplicationBuilder(FiguresServiceApplication.class).profiles("demo")
                .run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0", "--spring.main.banner-mode=off");
    }
}
