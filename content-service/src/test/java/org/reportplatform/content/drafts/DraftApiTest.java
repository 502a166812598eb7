package org.reportplatform.content.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.DraftOutcome;
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
 * The drafts API over real HTTP, every change on a real Kafka broker: writing a draft changes
 * nothing published; review; publishing as one transaction over the chapters and the drafts;
 * the publish conflict and its merge. Each test works in an edition of its own; edition 2090
 * requires review. Scheduled publications: {@link DraftScheduleTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "report.drafts.review-required-editions=2090,2091,2092")
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@DirtiesContext
class DraftApiTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    @Autowired
    WebTestClient http;

    static final String ADMIN = "demo-admin";
    static final String TEAM = "demo-defenseurs";
    static final String REVIEWER = "demo-reviewer";
    static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Test
    void aDraftChangesNothingPublishedAndOnlyItsReadersSeeIt() {
        // Given a chapter at revision 1
        chapter("2080", "defenseurs", "Texte publié.");

        // When its team starts a draft
        Map<String, Object> draft = draftPut(TEAM, "2080", "defenseurs", "Brouillon secret.", "*", null)
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        // Then the draft is based on revision 1, in editing, readable by its team, reviewers and admins only
        assertThat(draft).containsEntry("baseRevision", 1).containsEntry("chapterRevision", 1).containsEntry("stale", false)
                .containsEntry("ownerTeam", "defenseurs").containsEntry("review", "editing").containsEntry("reviewRequired", false)
                .containsEntry("body", "Brouillon secret.").containsEntry("revision", 1).containsEntry("updatedBy", TEAM);
        get(TEAM, "/api/editions/2080/chapters/defenseurs/draft").expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        get(REVIEWER, "/api/editions/2080/chapters/defenseurs/draft").expectStatus().isOk();
        get(ADMIN, "/api/editions/2080/chapters/defenseurs/draft").expectStatus().isOk();
        get("demo-enfants", "/api/editions/2080/chapters/defenseurs/draft").expectStatus().isForbidden();
        http.get().uri("/api/editions/2080/chapters/defenseurs/draft").exchange().expectStatus().isUnauthorized();
        draftPut("demo-enfants", "2080", "defenseurs", "Piraté.", "\"1\"", null).expectStatus().isForbidden();
        get(TEAM, "/api/editions/2080/drafts").expectStatus().isOk().expectBody().jsonPath("$[*].slug").isEqualTo(List.of("defenseurs"));
        get("demo-enfants", "/api/editions/2080/drafts").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);

        // and the chapter is as published, with one revision on report.chapters.v1
        http.get().uri("/api/editions/2080/chapters/defenseurs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.body").isEqualTo("Texte publié.").jsonPath("$.revision").isEqualTo(1);
        assertThat(chapterEvents("2080")).hasSize(1);

        // and an unchanged save publishes no event, a stale one is refused
        draftPut(TEAM, "2080", "defenseurs", "Brouillon secret.", "\"1\"", null).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        draftPut(TEAM, "2080", "defenseurs", "Autre.", "\"7\"", null).expectStatus().isEqualTo(412);
        draftPut(TEAM, "2080", "defenseurs", "Autre.", null, null).expectStatus().isEqualTo(428);
        assertThat(draftEvents("2080")).hasSize(1);
    }

    @Test
    void aDraftIsDiscardedAndTheNextOneContinuesTheRevisions() {
        chapter("2081", "defenseurs", "Texte publié.");
        draftPut(TEAM, "2081", "defenseurs", "Premier brouillon.", "*", null).expectStatus().isCreated();

        http.delete().uri("/api/editions/2081/chapters/defenseurs/draft").header(HttpHeaders.AUTHORIZATION, "Bearer " + TEAM)
                .exchange().expectStatus().isEqualTo(428);
        http.delete().uri("/api/editions/2081/chapters/defenseurs/draft").header(HttpHeaders.AUTHORIZATION, "Bearer " + TEAM)
                .header(HttpHeaders.IF_MATCH, "\"1\"").exchange().expectStatus().isNoContent();

        get(TEAM, "/api/editions/2081/chapters/defenseurs/draft").expectStatus().isNotFound();
        assertThat(draftEvents("2081").get(1).getClosed().getOutcome()).isEqualTo(DraftOutcome.DISCARDED);
        draftPut(TEAM, "2081", "defenseurs", "Second brouillon.", "*", null).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
        assertThat(chapterEvents("2081")).hasSize(1);
    }

    @Test
    void inAnEditionThatRequiresReviewADraftIsPublishedOnceApproved() {
        // Given edition 2090 requires review, and a chapter at revision 1
        chapter("2090", "defenseurs", "Texte publié.");
        String path = "/api/editions/2090/chapters/defenseurs";

        // Then the team's direct edit is refused, an admin's is not needed here
        http.put().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + TEAM).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Défenseur.e.s", "body", "Direct."))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].problem").value(p -> assertThat((String) p).startsWith("edition 2090 requires review"));

        // When the team writes a draft and submits it, a reviewer requests changes
        draftPut(TEAM, "2090", "defenseurs", "Version 1.", "*", null).expectStatus().isCreated();
        post(TEAM, path + "/draft:publish", null, null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("review");
        post(TEAM, path + "/draft:submit", Map.of(), null).expectStatus().isOk().expectBody().jsonPath("$.review").isEqualTo("submitted");
        post(REVIEWER, path + "/draft:request-changes", Map.of(), "\"2\"").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("comment");
        post(TEAM, path + "/draft:request-changes", Map.of("comment", "Moi-même."), null).expectStatus().isForbidden();
        post(REVIEWER, path + "/draft:request-changes", Map.of("comment", "Citez la source."), "\"2\"").expectStatus().isOk()
                .expectBody().jsonPath("$.review").isEqualTo("changes-requested")
                .jsonPath("$.notes[1].kind").isEqualTo("changes-requested")
                .jsonPath("$.notes[1].comment").isEqualTo("Citez la source.")
                .jsonPath("$.notes[1].actorName").isEqualTo("Jean Morel");

        // and the team edits and submits again, and the reviewer approves that revision
        draftPut(TEAM, "2090", "defenseurs", "Version 2, avec la source.", "\"3\"", null).expectStatus().isOk();
        post(TEAM, path + "/draft:submit", null, "\"4\"").expectStatus().isOk();
        post(REVIEWER, path + "/draft:approve", null, null).expectStatus().isEqualTo(428);
        post(REVIEWER, path + "/draft:approve", null, "\"4\"").expectStatus().isEqualTo(412);
        post(TEAM, path + "/draft:approve", null, "\"5\"").expectStatus().isForbidden();
        post(REVIEWER, path + "/draft:approve", Map.of("comment", "Parfait."), "\"5\"").expectStatus().isOk()
                .expectBody().jsonPath("$.review").isEqualTo("approved");

        // and a change after approval needs a new approval
        draftPut(TEAM, "2090", "defenseurs", "Version 3.", "\"6\"", null).expectStatus().isOk()
                .expectBody().jsonPath("$.review").isEqualTo("editing")
                .jsonPath("$.notes[-1:].kind").isEqualTo(List.of("approval-withdrawn"));
        post(TEAM, path + "/draft:publish", null, null).expectStatus().isEqualTo(409);
        post(TEAM, path + "/draft:submit", null, null).expectStatus().isOk();
        post(REVIEWER, path + "/draft:approve", null, "\"8\"").expectStatus().isOk();

        // When the team publishes it
        Map<String, Object> chapter = post(TEAM, path + "/draft:publish", null, "\"9\"").expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        // Then the chapter's revision 2 holds the draft's text, and the draft is closed, in one transaction
        assertThat(chapter).containsEntry("body", "Version 3.").containsEntry("revision", 2).containsEntry("position", 1)
                .containsEntry("ownerTeam", "defenseurs").containsEntry("updatedBy", TEAM);
        http.get().uri(path).exchange().expectStatus().isOk().expectBody().jsonPath("$.body").isEqualTo("Version 3.");
        get(TEAM, path + "/draft").expectStatus().isNotFound();
        assertThat(chapterEvents("2090")).extracting(ChapterChanged::getRevision).containsExactly(1L, 2L);
        DraftChanged closed = draftEvents("2090").get(draftEvents("2090").size() - 1);
        assertThat(closed.getDraft()).isNull();
        assertThat(closed.getClosed().getOutcome()).isEqualTo(DraftOutcome.PUBLISHED);
        assertThat(closed.getClosed().getChapterRevision()).isEqualTo(2L);
        assertThat(closed.getClosed().getScheduled()).isFalse();
    }

    @Test
    void aChapterChangedSinceTheDraftStartedIsA409WithTheThreeVersionsUntilMerged() {
        // Given a draft based on revision 1, then an admin edits the chapter directly
        chapter("2082", "defenseurs", "Base.");
        String path = "/api/editions/2082/chapters/defenseurs";
        draftPut(TEAM, "2082", "defenseurs", "Base. Ajout du brouillon.", "*", null).expectStatus().isCreated();
        http.put().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Défenseur.e.s", "body", "Base corrigée."))
                .exchange().expectStatus().isOk();
        get(TEAM, path + "/draft").expectStatus().isOk().expectBody().jsonPath("$.stale").isEqualTo(true)
                .jsonPath("$.chapterRevision").isEqualTo(2);

        // When the team publishes, Then 409 with the draft, the published chapter and the base
        post(TEAM, path + "/draft:publish", null, null).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.draft.body").isEqualTo("Base. Ajout du brouillon.").jsonPath("$.draft.revision").isEqualTo(1)
                .jsonPath("$.published.body").isEqualTo("Base corrigée.").jsonPath("$.published.revision").isEqualTo(2)
                .jsonPath("$.base.body").isEqualTo("Base.").jsonPath("$.base.revision").isEqualTo(1);
        assertThat(chapterEvents("2082")).hasSize(2);

        // When the merged text is saved on the published revision, Then it publishes
        draftPut(TEAM, "2082", "defenseurs", "Fusion.", "\"1\"", 1L).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("baseRevision");
        draftPut(TEAM, "2082", "defenseurs", "Base corrigée. Ajout du brouillon.", "\"1\"", 2L).expectStatus().isOk()
                .expectBody().jsonPath("$.baseRevision").isEqualTo(2).jsonPath("$.stale").isEqualTo(false);
        post(TEAM, path + "/draft:publish", null, null).expectStatus().isOk()
                .expectBody().jsonPath("$.body").isEqualTo("Base corrigée. Ajout du brouillon.").jsonPath("$.revision").isEqualTo(3);
    }

    @Test
    void aMoveOfTheChapterIsNoConflict() {
        chapter("2083", "defenseurs", "Texte.");
        chapter("2083", "femmes", "Texte.");
        draftPut("demo-femmes", "2083", "femmes", "Nouveau texte.", "*", null).expectStatus().isCreated();
        post(ADMIN, "/api/editions/2083/chapters/femmes/move", Map.of("position", 1), null).expectStatus().isOk();

        post("demo-femmes", "/api/editions/2083/chapters/femmes/draft:publish", null, null).expectStatus().isOk()
                .expectBody().jsonPath("$.body").isEqualTo("Nouveau texte.").jsonPath("$.position").isEqualTo(1)
                .jsonPath("$.revision").isEqualTo(3);
    }

    void chapter(String edition, String slug, String body) {
        http.put().uri("/api/editions/" + edition + "/chapters/" + slug).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Défenseur.e.s", "body", body, "ownerTeam", slug))
                .exchange().expectStatus().isCreated();
    }

    WebTestClient.ResponseSpec draftPut(String token, String edition, String slug, String body, String precondition, Long baseRevision) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("title", "Défenseur.e.s", "body", body));
        if (baseRevision != null) {
            request.put("baseRevision", baseRevision);
        }
        return http.put().uri("/api/editions/" + edition + "/chapters/" + slug + "/draft")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(h -> {
                    if ("*".equals(precondition)) {
                        h.set(HttpHeaders.IF_NONE_MATCH, "*");
                    } else if (precondition != null) {
                        h.set(HttpHeaders.IF_MATCH, precondition);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange();
    }

    WebTestClient.ResponseSpec post(String token, String path, Map<String, ?> body, String ifMatch) {
        WebTestClient.RequestBodySpec request = http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                });
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec get(String token, String path) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    static List<ChapterChanged> chapterEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.CHAPTERS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }

    static List<DraftChanged> draftEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.DRAFTS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }
}
