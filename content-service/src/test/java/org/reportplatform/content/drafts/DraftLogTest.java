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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.content.ContentServiceApplication;
import org.reportplatform.platform.scheduling.DueSchedules;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.DraftChanged;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The drafts' log is their store, schedules included: a new instance replays the same drafts,
 * and publishes, once, at start, what fell due while no instance ran; the whole application
 * started and stopped like a process, on a real broker, with the publication clock in a file.
 */
class DraftLogTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final String TEAM = DraftRequests.TEAM;

    private final Path clock = clockFile();
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aNewInstanceReplaysTheDraftsAndPublishesOnceWhatFellDueWhileNoneRan() {
        // Given a draft scheduled at 08:00 and another one submitted for review
        setClock("2026-05-01T07:00:00Z");
        app = start();
        DraftRequests requests = requests();
        requests.chapter("2075", "defenseurs", "Publié.");
        requests.chapter("2075", "femmes", "Publié.");
        requests.draftPut(TEAM, "2075", "defenseurs", "Programmé.", "*", null).expectStatus().isCreated();
        requests.post(TEAM, "/api/editions/2075/chapters/defenseurs/draft:schedule",
                Map.of("at", "2026-05-01T08:00:00Z", "timeZone", "Europe/Zurich"), null).expectStatus().isOk();
        requests.draftPut("demo-femmes", "2075", "femmes", "En relecture.", "*", null).expectStatus().isCreated();
        requests.post("demo-femmes", "/api/editions/2075/chapters/femmes/draft:submit", null, null).expectStatus().isOk();
        Map<String, List<DraftChanged>> before = app.getBean(DraftBook.class).all();

        // When the service stops, its time passes, and a new instance starts
        app.close();
        setClock("2026-05-01T09:00:00Z");
        app = start();

        // Then it replayed the same drafts, and published the overdue one at start
        await().atMost(Duration.ofSeconds(20)).until(() -> requests().chapterEvents("2075").stream()
                .filter(e -> e.getSlug().equals("defenseurs")).count() == 2);
        Map<String, List<DraftChanged>> after = app.getBean(DraftBook.class).all();
        assertThat(after.get("2075/femmes")).isEqualTo(before.get("2075/femmes"));
        assertThat(after.get("2075/defenseurs")).startsWith(before.get("2075/defenseurs").toArray(DraftChanged[]::new));
        requests().get("demo-femmes", "/api/editions/2075/chapters/femmes/draft").expectStatus().isOk()
                .expectBody().jsonPath("$.review").isEqualTo("submitted");

        // and once: another instance, having looked at a later time, publishes nothing more
        app.close();
        setClock("2026-05-01T09:00:10Z");
        app = start();
        DueSchedules schedules = app.getBean("chapterSchedules", DueSchedules.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> !schedules.checkedUntil().isBefore(Instant.parse("2026-05-01T09:00:10Z")));
        List<ChapterChanged> defenseurs = requests().chapterEvents("2075").stream().filter(e -> e.getSlug().equals("defenseurs")).toList();
        assertThat(defenseurs).hasSize(2);
        assertThat(defenseurs.get(1).getChapter().getBody()).isEqualTo("Programmé.");
        assertThat(requests().draftEvents("2075")).filteredOn(e -> e.getClosed() != null).singleElement()
                .satisfies(closed -> assertThat(closed.getClosed().getScheduled()).isTrue());
    }

    private DraftRequests requests() {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new DraftRequests(WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build(), kafka);
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments: they override application.yml (default properties would not).
        return new SpringApplicationBuilder(ContentServiceApplication.class)
                .profiles("demo")
                .run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0",
                        "--spring.main.banner-mode=off", "--report.scheduling.clock-file=" + clock);
    }

    private void setClock(String instant) {
        try {
            Files.writeString(clock, instant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path clockFile() {
        try {
            return Files.createTempFile("publication-clock", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
