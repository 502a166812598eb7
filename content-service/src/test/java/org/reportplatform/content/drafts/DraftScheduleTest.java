package org.reportplatform.content.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.scheduling.DueSchedules;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.DraftOutcome;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.Topics;
import org.reportplatform.schemas.TranslationChanged;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Scheduled publication of drafts, with the publication clock in a file the test moves forward:
 * not before the time (proved by the scheduler having looked at a later time), published once at
 * the time, refused publications recorded as a note, and the local times a zone skips or repeats
 * refused with the two times they could mean; a translation's draft on the same scheduler. Each
 * test has its own edition; 2095 requires review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "report.drafts.review-required-editions=2095")
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@DirtiesContext
class DraftScheduleTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final Path CLOCK = clockFile();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
        registry.add("report.scheduling.clock-file", CLOCK::toString);
    }

    @Autowired
    WebTestClient http;

    private DraftRequests requests;

    @BeforeEach
    void newRequests() {
        requests = new DraftRequests(http, kafka);
    }

    @Autowired
    DueSchedules chapterSchedules;

    private static final String TEAM = DraftRequests.TEAM;

    @Test
    void aScheduledDraftIsPublishedAtItsTimeOnceAndNotBefore() {
        // Given a draft scheduled at 09:00 in Zurich on a day the clock has not reached
        Instant now = setClock(Instant.parse("2026-01-10T07:00:00Z"));
        chapter("2093", "Publié.");
        draft("2093", "Programmé.");
        requests.post(TEAM, "/api/editions/2093/chapters/defenseurs/draft:schedule",
                Map.of("at", "2026-01-10T09:00", "timeZone", "Europe/Zurich"), null)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.schedule.at").isEqualTo("2026-01-10T08:00:00Z")
                .jsonPath("$.schedule.localDateTime").isEqualTo("2026-01-10T09:00")
                .jsonPath("$.schedule.timeZone").isEqualTo("Europe/Zurich")
                .jsonPath("$.notes[0].kind").isEqualTo("scheduled");
        requests.get(TEAM, "/api/editions/2093/drafts?scheduled=true").expectStatus().isOk().expectBody().jsonPath("$[*].slug").isEqualTo(List.of("defenseurs"));
        Instant at = Instant.parse("2026-01-10T08:00:00Z");

        // When the clock is one second before, and the scheduler looked at that time
        setClock(at.minusSeconds(1));
        awaitCheckedUntil(at.minusSeconds(1));

        // Then nothing is published
        assertThat(requests.chapterEvents("2093")).hasSize(1);

        // When the clock reaches the time
        setClock(at);

        // Then the chapter's revision 2 is the draft, in the name of who scheduled it, and the draft closed as scheduled
        await().atMost(Duration.ofSeconds(10)).until(() -> requests.chapterEvents("2093").size() == 2);
        ChapterChanged published = requests.chapterEvents("2093").get(1);
        assertThat(published.getChapter().getBody()).isEqualTo("Programmé.");
        assertThat(published.getMetadata().getActor()).isEqualTo(TEAM);
        DraftChanged closed = last(requests.draftEvents("2093"));
        assertThat(closed.getClosed().getOutcome()).isEqualTo(DraftOutcome.PUBLISHED);
        assertThat(closed.getClosed().getScheduled()).isTrue();
        assertThat(closed.getClosed().getChapterRevision()).isEqualTo(2L);

        // and once only: a later look of the scheduler published nothing more
        setClock(at.plusSeconds(60));
        awaitCheckedUntil(at.plusSeconds(60));
        assertThat(requests.chapterEvents("2093")).hasSize(2);
        assertThat(requests.draftEvents("2093")).filteredOn(e -> e.getClosed() != null).hasSize(1);
        assertThat(now).isBefore(at);
    }

    @Test
    void aScheduleThatCannotPublishIsClearedWithANoteSayingWhy() {
        // Given edition 2095 requires review and the draft is not approved
        Instant at = scheduledInAnHour("2095", "Pas relu.", Instant.parse("2026-02-01T07:00:00Z"));

        // When its time comes
        setClock(at);
        awaitCheckedUntil(at);

        // Then nothing is published, the schedule is cleared, and a note says why
        assertThat(requests.chapterEvents("2095")).hasSize(1);
        requests.get(TEAM, "/api/editions/2095/chapters/defenseurs/draft").expectStatus().isOk().expectBody()
                .jsonPath("$.schedule").isEmpty()
                .jsonPath("$.notes[-1:].kind").isEqualTo(List.of("schedule-failed"))
                .jsonPath("$.notes[-1:].comment").value(c -> assertThat(c.toString()).contains("requires review"));
    }

    @Test
    void aScheduleFallingDueInAClosedEditionIsClearedWithTheReason() {
        // Given a draft of edition 2097 scheduled for later
        Instant at = scheduledInAnHour("2097", "Programmé.", Instant.parse("2026-03-01T07:00:00Z"));

        // When an admin closes the edition, the team can no longer change the draft
        requests.post(DraftRequests.ADMIN, "/api/editions/2097:close", null, null).expectStatus().isOk();
        requests.draftPut(TEAM, "2097", "defenseurs", "Encore changé.", "\"2\"", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("edition");

        // and when the schedule's time comes
        setClock(at);
        awaitCheckedUntil(at);

        // Then nothing is published, the schedule is cleared, and a note says why
        assertThat(requests.chapterEvents("2097")).hasSize(1);
        requests.get(TEAM, "/api/editions/2097/chapters/defenseurs/draft").expectStatus().isOk().expectBody()
                .jsonPath("$.schedule").isEmpty()
                .jsonPath("$.body").isEqualTo("Programmé.")
                .jsonPath("$.notes[-1:].kind").isEqualTo(List.of("schedule-failed"))
                .jsonPath("$.notes[-1:].comment").value(c -> assertThat(c.toString()).contains("the 2097 edition is closed"));
    }

    @Test
    void anUnscheduledDraftIsNotPublished() {
        Instant at = setClock(Instant.parse("2026-03-01T07:00:00Z")).plusSeconds(600);
        chapter("2094", "Publié.");
        draft("2094", "Finalement non.");
        requests.post(TEAM, "/api/editions/2094/chapters/defenseurs/draft:schedule", Map.of("at", at.toString(), "timeZone", "UTC"), null)
                .expectStatus().isOk();
        requests.post(TEAM, "/api/editions/2094/chapters/defenseurs/draft:unschedule", null, null).expectStatus().isOk()
                .expectBody().jsonPath("$.schedule").isEmpty().jsonPath("$.notes[-1:].kind").isEqualTo(List.of("unscheduled"));

        setClock(at.plusSeconds(1));
        awaitCheckedUntil(at.plusSeconds(1));

        assertThat(requests.chapterEvents("2094")).hasSize(1);
        requests.get(TEAM, "/api/editions/2094/chapters/defenseurs/draft").expectStatus().isOk();
    }

    @Test
    void aScheduledTranslationDraftIsPublishedAsTheTranslationAtItsTime() {
        // Given edition 2098 translated into English, and an English draft scheduled in an hour by the chapter's team
        Instant at = setClock(Instant.parse("2026-04-01T07:00:00Z")).plusSeconds(3600);
        requests.post(DraftRequests.ADMIN, "/api/editions/2098", Map.of("title", "Rapport annuel 2098", "sourceLanguage", "fr",
                "targetLanguages", List.of("en")), null).expectStatus().isCreated();
        chapter("2098", "Publié.");
        String draft = "/api/editions/2098/chapters/defenseurs/translations/en/draft";
        http.put().uri(draft).header(HttpHeaders.AUTHORIZATION, "Bearer " + TEAM).header(HttpHeaders.IF_NONE_MATCH, "*")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Defenders", "body", "Scheduled English."))
                .exchange().expectStatus().isCreated();
        requests.post(TEAM, draft + ":schedule", Map.of("at", at.toString(), "timeZone", "Europe/Zurich"), null).expectStatus().isOk();
        requests.get(TEAM, "/api/editions/2098/drafts?scheduled=true&translations=true").expectStatus().isOk().expectBody()
                .jsonPath("$[*].language").isEqualTo(List.of("en"));

        // When the scheduler has looked one second before its time, then at its time
        setClock(at.minusSeconds(1));
        awaitCheckedUntil(at.minusSeconds(1));
        List<TranslationChanged> before = translationEvents("2098");
        setClock(at);

        // Then nothing was published before; at its time the translation's revision 1 is the draft, and the draft is closed as scheduled
        assertThat(before).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> translationEvents("2098").size() == 1);
        TranslationChanged published = translationEvents("2098").get(0);
        assertThat(published.getLanguage()).isEqualTo("en");
        assertThat(published.getTranslation().getBody()).isEqualTo("Scheduled English.");
        assertThat(published.getTranslation().getSourceRevision()).isEqualTo(1L);
        assertThat(published.getMetadata().getActor()).isEqualTo(TEAM);
        DraftChanged closed = last(requests.draftEvents("2098"));
        assertThat(closed.getLanguage()).isEqualTo("en");
        assertThat(closed.getClosed().getScheduled()).isTrue();
        assertThat(closed.getClosed().getChapterRevision()).isEqualTo(1L);
    }

    @Test
    void theHoursTheZoneSkipsOrRepeatsAreRefusedWithTheTwoTimesTheyCouldMean() {
        setClock(Instant.parse("2025-01-01T00:00:00Z"));
        chapter("2096", "Publié.");
        draft("2096", "Texte.");
        String schedule = "/api/editions/2096/chapters/defenseurs/draft:schedule";

        requests.post(TEAM, schedule, Map.of("at", "2025-03-30T02:30", "timeZone", "Europe/Zurich"), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("at")
                .jsonPath("$.candidates").isEqualTo(List.of("2025-03-30T01:30+01:00", "2025-03-30T03:30+02:00"));
        requests.post(TEAM, schedule, Map.of("at", "2025-10-26T02:30", "timeZone", "Europe/Zurich"), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.candidates").isEqualTo(List.of("2025-10-26T02:30+02:00", "2025-10-26T02:30+01:00"));
        requests.post(TEAM, schedule, Map.of("at", "2025-10-26T02:30+01:00", "timeZone", "Europe/Zurich"), null).expectStatus().isOk()
                .expectBody().jsonPath("$.schedule.at").isEqualTo("2025-10-26T01:30:00Z");
        requests.post(TEAM, schedule, Map.of("timeZone", "Europe/Zurich"), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("at");
    }

    /** A published chapter of {@code edition} and a draft of it scheduled an hour after {@code now} (the clock set there); that time. */
    private Instant scheduledInAnHour(String edition, String body, Instant now) {
        Instant at = setClock(now).plusSeconds(3600);
        chapter(edition, "Publié.");
        draft(edition, body);
        requests.post(TEAM, "/api/editions/" + edition + "/chapters/defenseurs/draft:schedule",
                Map.of("at", at.toString(), "timeZone", "Europe/Zurich"), null).expectStatus().isOk();
        return at;
    }

    private void awaitCheckedUntil(Instant time) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !chapterSchedules.checkedUntil().isBefore(time));
    }

    private static Instant setClock(Instant time) {
        try {
            Files.writeString(CLOCK, time.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return time;
    }

    private static Path clockFile() {
        try {
            Path file = Files.createTempFile("publication-clock", ".txt");
            Files.writeString(file, "2025-01-01T00:00:00Z");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void chapter(String edition, String body) {
        requests.chapter(edition, "defenseurs", body);
    }

    private void draft(String edition, String body) {
        requests.draftPut(TEAM, edition, "defenseurs", body, "*", null).expectStatus().isCreated();
    }

    private List<TranslationChanged> translationEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.TRANSLATIONS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
