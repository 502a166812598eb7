package org.reportplatform.figures.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reportplatform.platform.editions.EditionsFollower;
import org.reportplatform.schemas.AvroSerializer;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EditionState;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.EventMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.scheduling.DueSchedules;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorScheduleChanged;
import org.reportplatform.schemas.ScheduleOutcome;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Scheduled indicator values over real HTTP against a real broker, the publication at the time
 * included: the service's publication clock is a file the tests move forward (never back: the
 * tests share it), and both topics are read to see what was published. Each test uses its own edition.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@DirtiesContext
class ScheduleApiTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final Path CLOCK = clockFile(Instant.parse("2030-01-07T08:00:00Z"));

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        kafka.register(registry);
        registry.add("report.scheduling.clock-file", CLOCK::toString);
    }

    @Autowired
    EditionsFollower editions;

    @Autowired
    WebTestClient http;

    @Autowired
    DueSchedules indicatorSchedules;

    @Test
    void aScheduledValueIsPublishedAtItsTimeOnceAndNotBefore() {
        create("2080", "sanad.victims-assisted", 158, "soutien-aux-victimes");
        Instant time = clock().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);

        schedule("demo-soutien-aux-victimes", "2080", "sanad.victims-assisted", figure(160, time), null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.indicator.value").isEqualTo(160)
                .jsonPath("$.indicator.ownerTeam").isEqualTo("soutien-aux-victimes")
                .jsonPath("$.indicator.unit").isEqualTo("personnes")
                .jsonPath("$.baseRevision").isEqualTo(1)
                .jsonPath("$.at").isEqualTo(time.toString())
                .jsonPath("$.localDateTime").isEqualTo(LocalDateTime.ofInstant(time, ZURICH).toString())
                .jsonPath("$.timeZone").isEqualTo("Europe/Zurich")
                .jsonPath("$.updatedBy").isEqualTo("demo-soutien-aux-victimes");

        // Readable by the team, reviewers and admins; not by another team or anonymously.
        get("demo-soutien-aux-victimes", "2080", "sanad.victims-assisted").expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        get("demo-reviewer", "2080", "sanad.victims-assisted").expectStatus().isOk();
        get("demo-admin", "2080", "sanad.victims-assisted").expectStatus().isOk();
        get("demo-enfants", "2080", "sanad.victims-assisted").expectStatus().isForbidden();
        get(null, "2080", "sanad.victims-assisted").expectStatus().isUnauthorized();
        list("demo-reviewer", "2080").expectStatus().isOk().expectBody().jsonPath("$[*].indicatorId").isEqualTo(List.of("sanad.victims-assisted"));
        list("demo-enfants", "2080").expectStatus().isOk().expectBody().jsonPath("$").isEmpty();

        // One second before the time, after the scheduler looked: nothing published.
        moveClockTo(time.minusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> !indicatorSchedules.checkedUntil().isBefore(time.minusSeconds(1)));
        assertThat(indicatorEvents("2080")).hasSize(1);
        http.get().uri("/api/editions/2080/indicators/sanad.victims-assisted").exchange()
                .expectBody().jsonPath("$.value").isEqualTo(158);

        // At the time: the indicator's next revision with the scheduled value, the schedule closed.
        moveClockTo(time);
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduleEvents("2080").size() == 2);
        IndicatorScheduleChanged closed = scheduleEvents("2080").get(1);
        assertThat(closed.getSchedule()).isNull();
        assertThat(closed.getClosed().getOutcome()).isEqualTo(ScheduleOutcome.PUBLISHED);
        assertThat(closed.getClosed().getIndicatorRevision()).isEqualTo(2L);
        assertThat(closed.getMetadata().getActor()).isEqualTo("demo-soutien-aux-victimes");
        List<IndicatorChanged> published = indicatorEvents("2080");
        assertThat(published).hasSize(2);
        assertThat(published.get(1).getRevision()).isEqualTo(2L);
        assertThat(published.get(1).getIndicator().getValue()).isEqualTo("160");
        assertThat(published.get(1).getMetadata().getActor()).isEqualTo("demo-soutien-aux-victimes");
        http.get().uri("/api/editions/2080/indicators/sanad.victims-assisted").exchange()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"").expectBody().jsonPath("$.value").isEqualTo(160);
        get("demo-soutien-aux-victimes", "2080", "sanad.victims-assisted").expectStatus().isNotFound();

        // Exactly once: after a later look of the scheduler and a later write, still one publication.
        moveClockTo(time.plusSeconds(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> !indicatorSchedules.checkedUntil().isBefore(time.plusSeconds(5)));
        http.put().uri("/api/editions/2080/indicators/sanad.victims-assisted").headers(h -> h.setBearerAuth("demo-admin"))
                .header(HttpHeaders.IF_MATCH, "\"2\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\":\"Victimes\",\"type\":\"integer\",\"value\":161}").exchange().expectStatus().isOk();
        assertThat(indicatorEvents("2080")).extracting(e -> e.getIndicator().getValue()).containsExactly("158", "160", "161");
        assertThat(scheduleEvents("2080")).hasSize(2);
    }

    @Test
    void aScheduleIsCheckedByTheIndicatorsOwnRulesAndTheTimesRules() {
        create("2081", "intervention.regions", 5, "reponse-aux-crises");
        String id = "intervention.regions";
        Instant later = clock().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

        schedule("demo-reponse-aux-crises", "2081", id, "{\"label\":\"Régions\",\"type\":\"integer\",\"value\":5.5," + when(later) + "}", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("value");
        schedule("demo-reponse-aux-crises", "2081", id, "{\"label\":\"\",\"type\":\"integer\",\"value\":6," + when(later) + "}", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("label");
        schedule("demo-reponse-aux-crises", "2081", id, "{\"label\":\"Régions\",\"type\":\"integer\",\"value\":6}", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("at", "timeZone"));
        schedule("demo-reponse-aux-crises", "2081", id, "{\"label\":\"Régions\",\"type\":\"integer\",\"value\":6,\"at\":\"demain\",\"timeZone\":\"Europe/Zurich\"}", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("at");
        schedule("demo-reponse-aux-crises", "2081", id, "{\"label\":\"Régions\",\"type\":\"integer\",\"value\":6,\"at\":\"2031-01-01T09:00\",\"timeZone\":\"Europe/Genève\"}", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("timeZone");
        schedule("demo-reponse-aux-crises", "2081", id, "{\"label\":\"Régions\",\"type\":\"integer\",\"value\":6," + when(clock().minus(1, ChronoUnit.HOURS)) + "}", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("at");
        // The next daylight-saving change in Zurich: 30 minutes after it, by the clock on the wall before it,
        // is an hour the zone skips (spring) or passes twice (autumn). Refused, with the two times it could mean.
        ZoneOffsetTransition change = ZURICH.getRules().nextTransition(clock());
        String ambiguous = change.getDateTimeBefore().plusMinutes(30).toString();
        schedule("demo-reponse-aux-crises", "2081", id, "{\"label\":\"Régions\",\"type\":\"integer\",\"value\":6,\"at\":\"" + ambiguous
                + "\",\"timeZone\":\"Europe/Zurich\"}", null)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("at")
                .jsonPath("$.candidates.length()").isEqualTo(2);
        // The same value as now: nothing to schedule.
        schedule("demo-reponse-aux-crises", "2081", id, figure(5, later), null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("value");

        // Rights as the indicator's PUT: its team or an admin; the owner team changes only by an admin.
        String six = "{\"label\":\"Régions\",\"type\":\"integer\",\"value\":6," + when(later) + "}";
        schedule("demo-enfants", "2081", id, six, null).expectStatus().isForbidden();
        schedule("demo-reviewer", "2081", id, six, null).expectStatus().isForbidden();
        schedule(null, "2081", id, six, null).expectStatus().isUnauthorized();
        schedule("demo-reponse-aux-crises", "2081", id, "{\"label\":\"Régions\",\"type\":\"integer\",\"value\":6,\"ownerTeam\":\"enfants\","
                + when(later) + "}", null).expectStatus().isForbidden();
        schedule("demo-admin", "2081", "intervention.countries", six, null).expectStatus().isNotFound();
        schedule("demo-admin", "2081", "Bad Id", six, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        assertThat(scheduleEvents("2081")).isEmpty();

        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/editions/{edition}/indicators/{id}/schedule'].put.security[0].bearer").exists()
                .jsonPath("$.paths['/api/editions/{edition}/indicators/{id}/schedule'].delete").exists()
                .jsonPath("$.paths['/api/editions/{edition}/indicators:scheduled'].get").exists();

        // A later, accepted schedule is the first event on the topic: nothing was written before it.
        schedule("demo-reponse-aux-crises", "2081", id, six, null).expectStatus().isCreated();
        assertThat(scheduleEvents("2081")).extracting(IndicatorScheduleChanged::getRevision).containsExactly(1L);
    }

    @Test
    void aScheduleIsChangedThenCancelledAndNothingIsPublished() {
        create("2082", "convention.anniversary", 40, "comite-contre-la-torture");
        String id = "convention.anniversary";
        Instant first = clock().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Instant second = first.plus(1, ChronoUnit.HOURS);

        schedule("demo-comite-contre-la-torture", "2082", id, figure(41, first), "\"1\"").expectStatus().isEqualTo(412);
        schedule("demo-comite-contre-la-torture", "2082", id, figure(41, first), null).expectStatus().isCreated();
        schedule("demo-comite-contre-la-torture", "2082", id, figure(41, first), "\"1\"").expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        schedule("demo-admin", "2082", id, figure(42, second), "\"1\"").expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.indicator.value").isEqualTo(42).jsonPath("$.at").isEqualTo(second.toString())
                .jsonPath("$.updatedBy").isEqualTo("demo-admin");
        schedule("demo-comite-contre-la-torture", "2082", id, figure(43, second), "\"1\"").expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.currentRevision").isEqualTo(2);
        list("demo-comite-contre-la-torture", "2082").expectStatus().isOk()
                .expectBody().jsonPath("$[0].indicator.value").isEqualTo(42).jsonPath("$.length()").isEqualTo(1);

        cancel("demo-enfants", "2082", id, null).expectStatus().isForbidden();
        cancel("demo-comite-contre-la-torture", "2082", id, "\"1\"").expectStatus().isEqualTo(412);
        cancel("demo-comite-contre-la-torture", "2082", id, "\"2\"").expectStatus().isNoContent();
        cancel("demo-comite-contre-la-torture", "2082", id, null).expectStatus().isNotFound();
        get("demo-comite-contre-la-torture", "2082", id).expectStatus().isNotFound();
        list("demo-admin", "2082").expectStatus().isOk().expectBody().jsonPath("$").isEmpty();

        // Past both times, after the scheduler looked: nothing published, the schedule closed CANCELLED.
        moveClockTo(second.plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> !indicatorSchedules.checkedUntil().isBefore(second.plusSeconds(1)));
        assertThat(indicatorEvents("2082")).hasSize(1);
        List<IndicatorScheduleChanged> events = scheduleEvents("2082");
        assertThat(events).extracting(IndicatorScheduleChanged::getRevision).containsExactly(1L, 2L, 3L);
        assertThat(events.get(2).getClosed().getOutcome()).isEqualTo(ScheduleOutcome.CANCELLED);
        assertThat(events.get(2).getSchedule()).isNull();
    }

    @Test
    void aValueScheduledOnAnIndicatorDeletedMeanwhileFails() {
        create("2083", "sanad.victims-assisted", 158, "soutien-aux-victimes");
        Instant time = clock().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        schedule("demo-soutien-aux-victimes", "2083", "sanad.victims-assisted", figure(170, time), null).expectStatus().isCreated();
        http.delete().uri("/api/editions/2083/indicators/sanad.victims-assisted").headers(h -> h.setBearerAuth("demo-admin"))
                .header(HttpHeaders.IF_MATCH, "\"1\"").exchange().expectStatus().isNoContent();

        moveClockTo(time);
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduleEvents("2083").size() == 2);
        IndicatorScheduleChanged closed = scheduleEvents("2083").get(1);
        assertThat(closed.getClosed().getOutcome()).isEqualTo(ScheduleOutcome.FAILED);
        assertThat(closed.getClosed().getIndicatorRevision()).isNull();
        assertThat(closed.getClosed().getReason()).contains("deleted");
        assertThat(indicatorEvents("2083")).hasSize(2).last().extracting(IndicatorChanged::getIndicator).isNull();
    }

    @Test
    void aValueFallingDueInAClosedEditionFails() throws Exception {
        // Given a value of edition 2084 scheduled for later
        create("2084", "sanad.victims-assisted", 158, "soutien-aux-victimes");
        Instant time = clock().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        schedule("demo-soutien-aux-victimes", "2084", "sanad.victims-assisted", figure(170, time), null).expectStatus().isCreated();

        // When content-service closes the edition (figures-service reads it from report.editions.v1)
        EditionChanged closing = EditionChanged.newBuilder().setEdition("2084").setRevision(1)
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setActor("demo-admin").build())
                .setState(EditionState.newBuilder().setTitle("Rapport annuel 2084").setSourceLanguage("fr").setStatus(EditionStatus.CLOSED)
                        .setClosedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build())
                .build();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new AvroSerializer())) {
            producer.send(new ProducerRecord<>(Topics.EDITIONS.name(), "2084", closing)).get();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> editions.edition("2084").filter(e -> e.isClosed()).isPresent());
        // the value can no longer be rescheduled
        schedule("demo-soutien-aux-victimes", "2084", "sanad.victims-assisted", figure(171, time), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("edition");

        // and when its time comes, it is not published: the schedule fails with the reason
        moveClockTo(time);
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduleEvents("2084").size() == 2);
        IndicatorScheduleChanged closed = scheduleEvents("2084").get(1);
        assertThat(closed.getClosed().getOutcome()).isEqualTo(ScheduleOutcome.FAILED);
        assertThat(closed.getClosed().getReason()).contains("edition 2084 was closed");
        assertThat(indicatorEvents("2084")).hasSize(1);
    }

    private void create(String edition, String id, int value, String team) {
        http.put().uri("/api/editions/" + edition + "/indicators/" + id).headers(h -> h.setBearerAuth("demo-admin"))
                .header(HttpHeaders.IF_NONE_MATCH, "*").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\":\"Chiffre clé\",\"type\":\"integer\",\"value\":" + value
                        + ",\"unit\":\"personnes\",\"ownerTeam\":\"" + team + "\"}")
                .exchange().expectStatus().isCreated();
    }

    /** A PUT body with the fields {@link #create} gave the indicator and another value, published at {@code at}. */
    private static String figure(int value, Instant at) {
        return "{\"label\":\"Chiffre clé\",\"type\":\"integer\",\"value\":" + value + ",\"unit\":\"personnes\"," + when(at) + "}";
    }

    /** The at and timeZone fields of a time, as a person in Zurich writes it. */
    private static String when(Instant at) {
        return "\"at\":\"" + LocalDateTime.ofInstant(at, ZURICH) + "\",\"timeZone\":\"Europe/Zurich\"";
    }

    private WebTestClient.ResponseSpec schedule(String token, String edition, String id, String json, String ifMatch) {
        return http.put().uri("/api/editions/" + edition + "/indicators/" + id + "/schedule")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String edition, String id) {
        return http.get().uri("/api/editions/" + edition + "/indicators/" + id + "/schedule").headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }

    private WebTestClient.ResponseSpec cancel(String token, String edition, String id, String ifMatch) {
        return http.delete().uri("/api/editions/" + edition + "/indicators/" + id + "/schedule").headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.set(HttpHeaders.IF_MATCH, ifMatch);
            }
        }).exchange();
    }

    private WebTestClient.ResponseSpec list(String token, String edition) {
        return http.get().uri("/api/editions/" + edition + "/indicators:scheduled").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static List<IndicatorChanged> indicatorEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.INDICATORS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }

    private static List<IndicatorScheduleChanged> scheduleEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.INDICATOR_SCHEDULES).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }

    private static Instant clock() {
        try {
            return Instant.parse(Files.readString(CLOCK, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the service's publication clock forward (atomically: the scheduler never reads half a file). */
    private static void moveClockTo(Instant now) {
        if (now.isBefore(clock())) {
            throw new IllegalArgumentException("the tests share the clock: it only moves forward");
        }
        writeClock(CLOCK, now);
    }

    private static Path clockFile(Instant start) {
        try {
            Path file = Files.createTempDirectory("figures-clock").resolve("clock");
            writeClock(file, start);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeClock(Path file, Instant now) {
        try {
            Path next = file.resolveSibling("clock.next");
            Files.writeString(next, now.toString(), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
