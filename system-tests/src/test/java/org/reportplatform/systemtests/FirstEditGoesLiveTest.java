package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.Topics;

/**
 * The whole path, end to end: the four services as real processes on a real broker, with the
 * demo report loaded. A chapter edit sent to the gateway becomes an Avro event on Kafka, the
 * render service rebuilds the page, and the gateway serves the new page.
 *
 * <p>Start reading the code here.
 */
class FirstEditGoesLiveTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    /** The demo report's chapters, in order. */
    private static final List<String> DEMO_TITLES = List.of("Un message de notre présidente", "Comité contre la Torture",
            "Défenseur.e.s des droits humains", "Réponse aux crises", "Violences policières", "En quête de justice",
            "Soutien aux victimes", "Les migrant.e.s", "Enfants", "Les femmes",
            "Renforcement du Réseau et du mouvement des droits humains", "Accompagner les partenaires locaux",
            "Initiatives culturelles", "Donateurs et finances");

    private static Platform platform;
    private static Http gateway;
    /** The report PDF as the first request got it, at once when the platform said it was ready. */
    private static HttpResponse<byte[]> pdfWhenReady;

    @BeforeAll
    static void startThePlatformWithTheDemoReport() {
        platform = Platform.start(kafka.bootstrapServers(), true);
        gateway = new Http(platform.gatewayUrl());
        pdfWhenReady = gateway.getBytes("/2024/report.pdf");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theGatewayServesTheFrenchDemoReportWithItsFourteenChaptersInOrder() {
        HttpResponse<String> index = gateway.get("/2024/");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(index.body()).contains("Rapport annuel 2024", "lang=\"fr\"");
        int previous = -1;
        for (String title : DEMO_TITLES) {
            int at = index.body().indexOf(title);
            assertThat(at).as("%s listed after the chapter before it", title).isGreaterThan(previous);
            previous = at;
        }
        assertThat(gateway.get("/").body()).as("/ serves the current edition").contains("Rapport annuel 2024");
    }

    @Test
    void theWholeReportPdfIsServedOnTheFirstRequestOnceThePlatformIsReady() {
        assertThat(pdfWhenReady.statusCode()).as("/2024/report.pdf right after the platform was ready").isEqualTo(200);
        assertThat(pdfWhenReady.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = PdfText.of(pdfWhenReady.body());
        assertThat(DEMO_TITLES).allSatisfy(title -> assertThat(text).as("the PDF's text").contains(title));
    }

    @Test
    void aChapterPageShowsItsKeyFiguresFormattedInFrench() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(gateway.get("/2024/defenseurs").body()).containsPattern("4[\u00a0\u202f ]445"));
    }

    @Test
    void aChapterEditThroughTheGatewayGoesLive() {
        // Given the team's chapter at its current revision
        HttpResponse<String> current = gateway.get("/api/editions/2024/chapters/enfants");
        assertThat(current.statusCode()).isEqualTo(200);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        String title = JsonPath.read(current.body(), "$.title");
        long eventsBefore = chapterEvents();

        // When the team edits it through the gateway
        String body = "Une phrase nouvelle, écrite par l’équipe « Enfants ».";
        HttpResponse<String> edit = gateway.put("/api/editions/2024/chapters/enfants", "demo-enfants", etag,
                "{\"title\": \"" + title + "\", \"body\": \"" + body + "\"}");

        // Then the edit is acknowledged, is an event on Kafka, and the gateway serves the new page
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(chapterEvents()).isEqualTo(eventsBefore + 1);
        await("the new text served").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> gateway.get("/2024/enfants").body().contains("écrite par l’équipe « Enfants »"));
    }

    @Test
    void aChapterDeletedThroughTheGatewayLeavesTheSite() {
        // Given a chapter the admin added, served and listed in the report
        HttpResponse<String> created = gateway.create("/api/editions/2024/chapters/bilan-provisoire", "demo-admin",
                "{\"title\": \"Bilan provisoire\", \"body\": \"Un chapitre de passage.\", \"ownerTeam\": \"enfants\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await("the new chapter served and listed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> gateway.get("/2024/bilan-provisoire").statusCode() == 200
                        && gateway.get("/2024/").body().contains("Bilan provisoire"));

        // When the admin deletes it
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> deleted = gateway.delete("/api/editions/2024/chapters/bilan-provisoire", "demo-admin", etag);

        // Then its page is gone (never a stale copy) and the report no longer lists it
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        await("the page removed and unlisted").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> gateway.get("/2024/bilan-provisoire").statusCode() == 404
                        && !gateway.get("/2024/").body().contains("Bilan provisoire"));
        assertThat(gateway.get("/api/editions/2024/chapters/bilan-provisoire").statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsAreRefusedClearlyAndPublishNothing() {
        long eventsBefore = chapterEvents();
        String json = "{\"title\": \"Titre\", \"body\": \"Texte\"}";

        HttpResponse<String> unknown = gateway.get("/api/editions/2024/chapters/inconnu");
        HttpResponse<String> malformed = gateway.put("/api/editions/2024/chapters/femmes", "demo-femmes", "\"1\"", "{\"title\": ");
        HttpResponse<String> noToken = gateway.put("/api/editions/2024/chapters/femmes", null, "\"1\"", json);
        HttpResponse<String> otherTeam = gateway.put("/api/editions/2024/chapters/femmes", "demo-enfants", "\"1\"", json);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(gateway.get("/2024/inconnu").statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(malformed.body(), "$.errors[0].field")).isEqualTo("body");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(otherTeam.statusCode()).isEqualTo(403);
        assertThat((String) JsonPath.read(otherTeam.body(), "$.detail")).contains("belongs to team femmes");
        assertThat(chapterEvents()).isEqualTo(eventsBefore);
    }

    private static long chapterEvents() {
        return new TopicReader(kafka.bootstrapServers()).records(Topics.CHAPTERS).size();
    }
}
