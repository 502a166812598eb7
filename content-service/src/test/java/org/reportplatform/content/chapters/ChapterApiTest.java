package org.reportplatform.content.chapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.ChapterChanged;
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
 * The chapters API over real HTTP, with every change on a real Kafka broker. Each test works
 * in an edition of its own, so the tests share the broker without sharing state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@DirtiesContext
class ChapterApiTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    @Autowired
    WebTestClient http;

    private static final String ADMIN = "demo-admin";
    private static final String DEFENSEURS = "demo-defenseurs";

    @Test
    void anAdminCreatesAChapterAndItsTeamEditsIt() {
        // Given an admin creates the chapter defenseurs for its team
        created("2030", "defenseurs", "Défenseur.e.s des droits humains", "Premier texte.");

        // When the team edits it, based on revision 1
        Map<String, Object> edited = http.put().uri("/api/editions/2030/chapters/defenseurs")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFENSEURS).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Défenseur.e.s des droits humains", "body", "« Œuvrer » ensemble, aujourd’hui."))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();

        // Then the API and the log both hold revision 2, written by the team
        assertThat(edited).containsEntry("revision", 2).containsEntry("updatedBy", "defenseurs")
                .containsEntry("body", "« Œuvrer » ensemble, aujourd’hui.");
        http.get().uri("/api/editions/2030/chapters/defenseurs").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.title").isEqualTo("Défenseur.e.s des droits humains");
        List<ChapterChanged> log = eventsOf("2030");
        assertThat(log).extracting(ChapterChanged::getRevision).containsExactly(1L, 2L);
        assertThat(log.get(1).getChapter().getBody()).isEqualTo("« Œuvrer » ensemble, aujourd’hui.");
        assertThat(log.get(1).getMetadata().getActor()).isEqualTo("defenseurs");
    }

    @Test
    void chaptersAreListedInReportOrder() {
        created("2031", "enfants", "Enfants", "Texte.");
        created("2031", "femmes", "Les femmes", "Texte.");
        put(ADMIN, "2031", "migrants", Map.of("title", "Les migrant.e.s", "body", "Texte.", "ownerTeam", "migrants", "position", 1), null)
                .expectStatus().isCreated();

        http.get().uri("/api/editions/2031/chapters").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].slug").isEqualTo(List.of("migrants", "enfants", "femmes"))
                .jsonPath("$[*].position").isEqualTo(List.of(1, 2, 3));
    }

    @Test
    void anotherTeamCannotEditTheChapterAndNothingIsPublished() {
        created("2032", "defenseurs", "Défenseur.e.s", "Texte.");

        put("demo-enfants", "2032", "defenseurs", Map.of("title", "Piraté", "body", "Texte."), "\"1\"")
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("belongs to team defenseurs"));

        assertThat(eventsOf("2032")).hasSize(1);
    }

    @Test
    void aStaleRevisionIsRefusedWith412AndTheCurrentRevision() {
        created("2033", "defenseurs", "Défenseur.e.s", "Texte.");
        put(DEFENSEURS, "2033", "defenseurs", Map.of("title", "Défenseur.e.s", "body", "Deuxième."), "\"1\"").expectStatus().isOk();

        put(DEFENSEURS, "2033", "defenseurs", Map.of("title", "Défenseur.e.s", "body", "Basé sur la 1."), "\"1\"")
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.currentRevision").isEqualTo(2);

        assertThat(eventsOf("2033")).hasSize(2);
    }

    @Test
    void anUpdateWithoutIfMatchIsRefusedWith428() {
        created("2034", "defenseurs", "Défenseur.e.s", "Texte.");

        put(DEFENSEURS, "2034", "defenseurs", Map.of("title", "Défenseur.e.s", "body", "Sans If-Match."), null)
                .expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");

        assertThat(eventsOf("2034")).hasSize(1);
    }

    @Test
    void aWriteWithoutATokenIsRefusedWith401() {
        http.put().uri("/api/editions/2035/chapters/enfants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Enfants", "body", "Texte."))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.status").isEqualTo(401);

        put("not-a-token", "2035", "enfants", Map.of("title", "Enfants", "body", "Texte."), null)
                .expectStatus().isUnauthorized();
        assertThat(eventsOf("2035")).isEmpty();
    }

    @Test
    void malformedJsonIsRefusedWith400NamingTheProblem() {
        http.put().uri("/api/editions/2036/chapters/enfants")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"Enfants\", \"body\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("request body is not valid"));
        assertThat(eventsOf("2036")).isEmpty();
    }

    @Test
    void missingAndOversizedFieldsAreAllNamed() {
        put(ADMIN, "2037", "enfants", Map.of("title", " ", "body", "x".repeat(100_001), "ownerTeam", "enfants"), null)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("title", "body"))
                .jsonPath("$.errors[1].problem").isEqualTo("is 100001 characters long; the limit is 100000");
        assertThat(eventsOf("2037")).isEmpty();
    }

    @Test
    void anInvalidSlugIsRefused() {
        put(ADMIN, "2038", "..%2F..%2Fetc", Map.of("title", "x", "body", "y", "ownerTeam", "enfants"), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("slug");
    }

    @Test
    void anUnknownChapterIs404() {
        http.get().uri("/api/editions/2039/chapters/inconnu").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("no chapter inconnu in edition 2039");
    }

    @Test
    void onlyAnAdminCreatesChapters() {
        put(DEFENSEURS, "2040", "defenseurs", Map.of("title", "Défenseur.e.s", "body", "Texte.", "ownerTeam", "defenseurs"), null)
                .expectStatus().isForbidden();
        assertThat(eventsOf("2040")).isEmpty();
    }

    @Test
    void anAdminDeletesAChapterAndTheOthersCloseTheGap() {
        created("2041", "enfants", "Enfants", "Texte.");
        created("2041", "femmes", "Les femmes", "Texte.");

        http.delete().uri("/api/editions/2041/chapters/enfants")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN).header(HttpHeaders.IF_MATCH, "\"1\"")
                .exchange()
                .expectStatus().isNoContent();

        http.get().uri("/api/editions/2041/chapters/enfants").exchange().expectStatus().isNotFound();
        http.get().uri("/api/editions/2041/chapters").exchange().expectBody()
                .jsonPath("$[*].slug").isEqualTo(List.of("femmes"))
                .jsonPath("$[0].position").isEqualTo(1);
        assertThat(eventsOf("2041")).filteredOn(e -> e.getSlug().equals("enfants"))
                .extracting(e -> e.getChapter() == null).containsExactly(false, true);
    }

    private void created(String edition, String slug, String title, String body) {
        put(ADMIN, edition, slug, Map.of("title", title, "body", body, "ownerTeam", slug), null)
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
    }

    private WebTestClient.ResponseSpec put(String token, String edition, String slug, Map<String, ?> body, String ifMatch) {
        return http.put().uri("/api/editions/" + edition + "/chapters/" + slug)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static List<ChapterChanged> eventsOf(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.CHAPTERS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }
}
