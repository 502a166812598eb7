package org.reportplatform.content.editions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The editions API over real HTTP, every change on a real Kafka broker: starting an edition as
 * a copy of another (its chapters in the same transaction), publishing and closing it, who may,
 * what a closed edition refuses and the erratum it accepts. Each test works in editions of its
 * own, so the tests share the broker and one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@DirtiesContext
class EditionApiTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final String ADMIN = "demo-admin";
    private static final String DEFENSEURS = "demo-defenseurs";
    private static final String ENFANTS = "demo-enfants";

    @Autowired
    WebTestClient http;

    @Test
    void aCopyHasTheSameChaptersOwnersAndOrderAndIsPreparedInOneTransaction() {
        // Given edition 2101, in French translated into English, with three chapters
        emptyEdition("2101", "Rapport annuel 2101", "fr", List.of("en")).expectStatus().isCreated();
        chapter("2101", "message", "Message", "Le texte du message.", "direction");
        chapter("2101", "defenseurs", "Défenseur.e.s", "Texte.", "defenseurs");
        chapter("2101", "enfants", "Enfants", "Texte sur les enfants.", "enfants");
        move("2101", "enfants", 1);
        put(ADMIN, "/api/editions/2101", Map.of("title", "Rapport annuel 2101", "titles", Map.of("en", "Annual report 2101"),
                "targetLanguages", List.of("en"), "staleNotice", false), "\"1\"").expectStatus().isOk();

        // When an admin starts 2102 from it
        Map<String, Object> created = post(ADMIN, "/api/editions/2102", Map.of("from", "2101"))
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/editions/2102")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        // Then it is being prepared, in 2101's languages, with the year in its titles replaced
        assertThat(created).containsEntry("edition", "2102").containsEntry("status", "preparing")
                .containsEntry("title", "Rapport annuel 2102").containsEntry("titles", Map.of("en", "Annual report 2102"))
                .containsEntry("sourceLanguage", "fr").containsEntry("targetLanguages", List.of("en"))
                .containsEntry("staleNotice", false).containsEntry("copiedFrom", "2101").containsEntry("revision", 1)
                .doesNotContainKey("publishedAt");
        // and its chapters are 2101's: same slugs, titles, texts, owners, order, each at revision 1
        List<Map<String, Object>> copies = chapters("2102");
        assertThat(copies).extracting(c -> c.get("slug")).containsExactly("enfants", "message", "defenseurs");
        List<Map<String, Object>> originals = chapters("2101");
        for (int i = 0; i < originals.size(); i++) {
            for (String field : List.of("slug", "title", "body", "position", "ownerTeam", "language")) {
                assertThat(copies.get(i).get(field)).as(field).isEqualTo(originals.get(i).get(field));
            }
            assertThat(copies.get(i)).containsEntry("revision", 1).containsEntry("edition", "2102");
        }
        // and the log holds one edition event and the three copies, written together by the admin
        List<EditionChanged> editionEvents = editionEvents("2102");
        assertThat(editionEvents).hasSize(1);
        assertThat(editionEvents.get(0).getState().getStatus()).isEqualTo(EditionStatus.PREPARING);
        List<ChapterChanged> chapterEvents = chapterEvents("2102");
        assertThat(chapterEvents).hasSize(3).allSatisfy(e -> assertThat(e.getMetadata().getActor()).isEqualTo(ADMIN));
    }

    @Test
    void aPreparedEditionIsShownOnlyToSignedInPeopleUntilItIsPublished() {
        emptyEdition("2103", "Rapport annuel 2103", "fr", List.of()).expectStatus().isCreated();

        http.get().uri("/api/editions/2103").exchange().expectStatus().isNotFound();
        assertThat(years(null)).doesNotContain("2103");
        http.get().uri("/api/editions/2103").header(HttpHeaders.AUTHORIZATION, "Bearer " + ENFANTS).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("preparing");
        assertThat(years(ENFANTS)).contains("2103");

        // A team may not publish it; an admin does
        post(ENFANTS, "/api/editions/2103:publish", null).expectStatus().isForbidden();
        Map<String, Object> published = post(ADMIN, "/api/editions/2103:publish", null).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(published).containsEntry("status", "published").containsEntry("revision", 2);
        assertThat(published.get("publishedAt")).isNotNull();
        http.get().uri("/api/editions/2103").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("published");
        assertThat(years(null)).contains("2103");
        // Publishing twice says why not, and changes nothing
        post(ADMIN, "/api/editions/2103:publish", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("is published"));
        assertThat(editionEvents("2103")).hasSize(2);
    }

    @Test
    void aClosedEditionRefusesChapterChangesAndTakesAnErratum() {
        // Given 2104, published with one chapter, then closed
        emptyEdition("2104", "Rapport annuel 2104", "fr", List.of()).expectStatus().isCreated();
        chapter("2104", "defenseurs", "Défenseur.e.s", "Il y a 12 cas.", "defenseurs");
        post(ADMIN, "/api/editions/2104:close", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("is preparing"));
        post(ADMIN, "/api/editions/2104:publish", null).expectStatus().isOk();
        post(DEFENSEURS, "/api/editions/2104:close", null).expectStatus().isForbidden();
        post(ADMIN, "/api/editions/2104:close", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("closed").jsonPath("$.closedAt").exists();

        // When the team edits the chapter as usual, it is refused, saying why
        String path = "/api/editions/2104/chapters/defenseurs";
        put(DEFENSEURS, path, Map.of("title", "Défenseur.e.s", "body", "Il y a 13 cas."), "\"1\"")
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("edition")
                .jsonPath("$.errors[0].problem").isEqualTo("the 2104 edition is closed: it can only be corrected by an erratum");
        // as are an admin's move, delete and new chapter
        put(ADMIN, "/api/editions/2104/chapters/enfants", Map.of("title", "Enfants", "body", "Texte.", "ownerTeam", "enfants"), null)
                .expectStatus().isEqualTo(409);
        http.delete().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN).header(HttpHeaders.IF_MATCH, "\"1\"")
                .exchange().expectStatus().isEqualTo(409);
        assertThat(chapterEvents("2104")).hasSize(1);

        // An erratum by another team is refused; a blank one names the field
        put(ENFANTS, path, Map.of("title", "Défenseur.e.s", "body", "Il y a 13 cas.", "erratum", "Nombre de cas."), "\"1\"")
                .expectStatus().isForbidden();
        put(DEFENSEURS, path, Map.of("title", "Défenseur.e.s", "body", "Il y a 13 cas.", "erratum", "  "), "\"1\"")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("erratum");

        // When the team publishes an erratum
        Map<String, Object> corrected = put(DEFENSEURS, path,
                Map.of("title", "Défenseur.e.s", "body", "Il y a 13 cas.", "erratum", "Le nombre de cas était erroné."), "\"1\"")
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        // Then revision 2 has the new text and the erratum, dated when it was made
        assertThat(corrected).containsEntry("body", "Il y a 13 cas.").containsEntry("revision", 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errata = (List<Map<String, Object>>) corrected.get("errata");
        assertThat(errata).singleElement().satisfies(e -> assertThat(e).containsEntry("note", "Le nombre de cas était erroné."));
        List<ChapterChanged> log = chapterEvents("2104");
        assertThat(log).hasSize(2);
        assertThat(log.get(1).getChapter().getErrata()).singleElement()
                .satisfies(e -> assertThat(e.getAt()).isEqualTo(log.get(1).getMetadata().getOccurredAt()));
        // and a second erratum keeps the first
        put(DEFENSEURS, path, Map.of("title", "Défenseur.e.s", "body", "Il y a 14 cas.", "erratum", "Encore un cas."), "\"2\"")
                .expectStatus().isOk().expectBody().jsonPath("$.errata[*].note")
                .isEqualTo(List.of("Le nombre de cas était erroné.", "Encore un cas."));

        // and an edition started from it has the corrected text, without the errata
        post(ADMIN, "/api/editions/2109", Map.of("from", "2104")).expectStatus().isCreated();
        http.get().uri("/api/editions/2109/chapters/defenseurs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.body").isEqualTo("Il y a 14 cas.").jsonPath("$.errata").isEmpty();
    }

    @Test
    void anErratumIsOnlyForAClosedEdition() {
        emptyEdition("2105", "Rapport annuel 2105", "fr", List.of()).expectStatus().isCreated();
        chapter("2105", "defenseurs", "Défenseur.e.s", "Texte.", "defenseurs");

        put(DEFENSEURS, "/api/editions/2105/chapters/defenseurs",
                Map.of("title", "Défenseur.e.s", "body", "Autre.", "erratum", "Correction."), "\"1\"")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("erratum")
                .jsonPath("$.errors[0].problem").value(p -> assertThat((String) p).contains("not closed"));
        assertThat(chapterEvents("2105")).hasSize(1);
    }

    @Test
    void badRequestsNameTheFieldAndNothingIsWritten() {
        post(ADMIN, "/api/editions/21x6", Map.of("from", "2101")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("edition");
        post(ADMIN, "/api/editions/2106", Map.of("from", "1999")).expectStatus().isNotFound();
        emptyEdition("2106", "", "fr", List.of("fr", "en", "en", "nl")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field")
                .isEqualTo(List.of("title", "targetLanguages[0]", "targetLanguages[2]", "targetLanguages[3]"));
        emptyEdition("2106", "Rapport", null, List.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sourceLanguage");
        post(DEFENSEURS, "/api/editions/2106", Map.of("from", "2101")).expectStatus().isForbidden();
        assertThat(editionEvents("2106")).isEmpty();

        // An edition that exists (or has chapters) is not started again
        emptyEdition("2106", "Rapport annuel 2106", "fr", List.of()).expectStatus().isCreated();
        emptyEdition("2106", "Rapport annuel 2106", "fr", List.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("edition");
        chapter("2107", "enfants", "Enfants", "Texte.", "enfants");
        post(ADMIN, "/api/editions/2107", Map.of("from", "2106")).expectStatus().isEqualTo(409);
        assertThat(editionEvents("2106")).hasSize(1);
        assertThat(editionEvents("2107")).isEmpty();
    }

    @Test
    void anEditionKnownOnlyFromItsChaptersIsPublishedInTheirLanguage() {
        chapter("2108", "enfants", "Enfants", "Texte.", "enfants");

        http.get().uri("/api/editions/2108").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody().jsonPath("$.status").isEqualTo("published").jsonPath("$.sourceLanguage").isEqualTo("fr")
                .jsonPath("$.targetLanguages").isEmpty().jsonPath("$.revision").isEqualTo(0);
        // An admin gives it languages based on revision 0
        put(ADMIN, "/api/editions/2108", Map.of("title", "Rapport annuel 2108", "titles", Map.of(), "targetLanguages", List.of("en"),
                "staleNotice", true), null).expectStatus().isEqualTo(428);
        put(ENFANTS, "/api/editions/2108", Map.of("title", "Rapport annuel 2108", "titles", Map.of(), "targetLanguages", List.of("en"),
                "staleNotice", true), "\"0\"").expectStatus().isForbidden();
        put(ADMIN, "/api/editions/2108", Map.of("title", "Rapport annuel 2108", "titles", Map.of("de", "Jahresbericht"),
                "targetLanguages", List.of("en"), "staleNotice", true), "\"0\"")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("titles.de");
        put(ADMIN, "/api/editions/2108", Map.of("title", "Rapport annuel 2108", "titles", Map.of(), "targetLanguages", List.of("en"),
                "staleNotice", true), "\"0\"")
                .expectStatus().isOk().expectBody().jsonPath("$.targetLanguages[0]").isEqualTo("en").jsonPath("$.revision").isEqualTo(1);
        assertThat(editionEvents("2108")).hasSize(1);
    }

    @Test
    void anEditionThatMakesAccessibilityFindingsBlockingRefusesToPublishThem() {
        // Given edition 2111 with a chapter of team enfants, and an admin making its accessibility findings blocking
        emptyEdition("2111", "Rapport annuel 2111", "fr", List.of()).expectStatus().isCreated();
        chapter("2111", "enfants", "Enfants", "Un texte propre.", "enfants");
        put(ADMIN, "/api/editions/2111", Map.of("title", "Rapport annuel 2111", "titles", Map.of(), "targetLanguages", List.of(),
                "staleNotice", true, "accessibilityBlocking", true), "\"1\"")
                .expectStatus().isOk().expectBody().jsonPath("$.accessibilityBlocking").isEqualTo(true);
        String withoutAlt = "Un texte.\n\n![](https://example.org/photo.jpg)\n\nLisez [ici](https://example.org/r).";

        // When the team changes the chapter to a text with two findings
        put(ENFANTS, "/api/editions/2111/chapters/enfants", Map.of("title", "Enfants", "body", withoutAlt), "\"1\"")
                // Then 422 lists each finding on the body, with its line
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].problem").value(problem -> assertThat((String) problem).startsWith("ligne 3 (IMAGE_WITHOUT_ALT)"))
                .jsonPath("$.errors[1].problem").value(problem -> assertThat((String) problem).startsWith("ligne 5 (VAGUE_LINK_TEXT)"));

        // And a draft with the same text is saved (a draft is work in progress) but not published
        draft("2111", "enfants", withoutAlt, "*").expectStatus().isCreated();
        post(ENFANTS, "/api/editions/2111/chapters/enfants/draft:publish", null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("body");

        // When the draft is fixed, it is published; the text refused never reached the log
        String fixed = "Un texte.\n\n![Une salle d'audience](https://example.org/photo.jpg)\n\nLisez [le rapport](https://example.org/r).";
        draft("2111", "enfants", fixed, "\"1\"").expectStatus().isOk();
        post(ENFANTS, "/api/editions/2111/chapters/enfants/draft:publish", null).expectStatus().isOk();
        assertThat(chapterEvents("2111")).extracting(e -> e.getChapter().getBody()).containsExactly("Un texte propre.", fixed);
        // and a change of the edition that does not name the setting keeps it
        put(ADMIN, "/api/editions/2111", Map.of("title", "Rapport annuel 2111 (bis)", "titles", Map.of(), "targetLanguages", List.of(),
                "staleNotice", true), "\"2\"")
                .expectStatus().isOk().expectBody().jsonPath("$.accessibilityBlocking").isEqualTo(true);
        assertThat(editionEvents("2111")).last().satisfies(e -> assertThat(e.getState().getAccessibilityBlocking()).isTrue());
    }

    @Test
    void findingsAreWarningsWhereTheEditionDoesNotBlock() {
        // Given edition 2112, not blocking (the default)
        emptyEdition("2112", "Rapport annuel 2112", "fr", List.of()).expectStatus().isCreated();

        // When a chapter is written with an image without alternative text, Then it is published
        chapter("2112", "enfants", "Enfants", "![](https://example.org/photo.jpg)", "enfants");
        assertThat(chapterEvents("2112")).hasSize(1);
    }

    @Test
    void theOpenApiDescriptionHasTheEditionsApi() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/editions'].get").exists()
                .jsonPath("$.paths['/api/editions/{edition}'].post.security[0].bearer").exists()
                .jsonPath("$.paths['/api/editions/{edition}'].put.responses['412']").exists()
                .jsonPath("$.paths['/api/editions/{edition}:publish'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/editions/{edition}:close'].post.responses['409']").exists()
                .jsonPath("$.components.schemas.Edition.properties.targetLanguages").exists();
    }

    private WebTestClient.ResponseSpec emptyEdition(String edition, String title, String source, List<String> targets) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("title", title);
        body.put("sourceLanguage", source);
        body.put("targetLanguages", targets);
        return post(ADMIN, "/api/editions/" + edition, body);
    }

    private void chapter(String edition, String slug, String title, String body, String team) {
        put(ADMIN, "/api/editions/" + edition + "/chapters/" + slug, Map.of("title", title, "body", body, "ownerTeam", team), null)
                .expectStatus().isCreated();
    }

    private void move(String edition, String slug, int position) {
        post(ADMIN, "/api/editions/" + edition + "/chapters/" + slug + "/move", Map.of("position", position)).expectStatus().isOk();
    }

    private List<Map<String, Object>> chapters(String edition) {
        return http.get().uri("/api/editions/" + edition + "/chapters").exchange().expectStatus().isOk()
                .expectBodyList(JSON_OBJECT).returnResult().getResponseBody();
    }

    private List<String> years(String token) {
        WebTestClient.RequestHeadersSpec<?> get = http.get().uri("/api/editions");
        if (token != null) {
            get = get.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return get.exchange().expectStatus().isOk().expectBodyList(JSON_OBJECT).returnResult().getResponseBody().stream()
                .map(e -> (String) e.get("edition")).toList();
    }

    private WebTestClient.ResponseSpec post(String token, String path, Object body) {
        WebTestClient.RequestBodySpec post = http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        return body == null ? post.exchange() : post.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(String token, String path, Object body, String ifMatch) {
        WebTestClient.RequestBodySpec put = http.put().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            put = put.header(HttpHeaders.IF_MATCH, ifMatch);
        } else {
            put = put.header(HttpHeaders.IF_NONE_MATCH, "*");
        }
        return put.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec draft(String edition, String slug, String body, String precondition) {
        WebTestClient.RequestBodySpec put = http.put().uri("/api/editions/" + edition + "/chapters/" + slug + "/draft")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ENFANTS).contentType(MediaType.APPLICATION_JSON);
        put = "*".equals(precondition) ? put.header(HttpHeaders.IF_NONE_MATCH, "*") : put.header(HttpHeaders.IF_MATCH, precondition);
        return put.bodyValue(Map.of("title", "Enfants", "body", body)).exchange();
    }

    private List<EditionChanged> editionEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.EDITIONS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }

    private List<ChapterChanged> chapterEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.CHAPTERS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }
}
