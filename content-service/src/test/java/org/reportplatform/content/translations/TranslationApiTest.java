package org.reportplatform.content.translations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.DraftOutcome;
import org.reportplatform.schemas.ReportIds;
import org.reportplatform.schemas.Topics;
import org.reportplatform.schemas.TranslationChanged;
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
 * The translations API over real HTTP, every change on a real Kafka broker: creating and
 * updating a translation, stale when the French source's text changes (not when it only moves)
 * and current again once updated, who may translate, the 400s, the history and the status
 * tables; a translation's draft, reviewed and published as the translation's next revision in one
 * transaction with its close, the publish conflict, who writes and reads it, a closed edition.
 * Each test works in an edition of its own, translated into English and Spanish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@DirtiesContext
class TranslationApiTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    private static final String ADMIN = "demo-admin";
    private static final String DEFENSEURS = "demo-defenseurs";
    private static final String ENFANTS = "demo-enfants";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient http;

    @Test
    void aTranslationGoesStaleWhenTheSourceTextChangesAndCurrentAgainWhenUpdated() {
        edition("2040");
        chapter("2040", "defenseurs", "Défenseur.e.s", "Premier texte.");
        chapter("2040", "enfants", "Enfants", "Texte.");

        // The chapter's team translates revision 1 into English
        Map<String, Object> created = translate(DEFENSEURS, "2040", "defenseurs", "en",
                Map.of("title", "Defenders", "body", "First text."), null).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/editions/2040/chapters/defenseurs/translations/en")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat(created).containsEntry("status", "translated").containsEntry("sourceRevision", 1).containsEntry("chapterRevision", 1)
                .containsEntry("sourceTextRevision", 1).containsEntry("ownerTeam", "defenseurs").containsEntry("language", "en")
                .containsEntry("updatedByName", "Inès Benali").containsEntry("revision", 1);

        // A move renumbers the chapter (a new revision) without changing its text: still translated
        move("2040", "defenseurs", 2);
        assertThat(get("2040", "defenseurs", "en")).containsEntry("status", "translated").containsEntry("chapterRevision", 2)
                .containsEntry("sourceTextRevision", 1);

        // A French correction makes it stale, and says since which revision
        chapterEdit(DEFENSEURS, "2040", "defenseurs", "Premier texte, corrigé.", "\"2\"");
        assertThat(get("2040", "defenseurs", "en")).containsEntry("status", "stale").containsEntry("sourceRevision", 1)
                .containsEntry("chapterRevision", 3).containsEntry("sourceTextRevision", 3);
        assertThat(languages("2040", "defenseurs")).containsExactly(
                row("en", "stale", 1, 1, null), row("es", "missing", null, null, null));

        // Updating the translation records the current source revision: translated again
        Map<String, Object> updated = translate(DEFENSEURS, "2040", "defenseurs", "en",
                Map.of("title", "Defenders", "body", "First text, corrected."), "\"1\"").expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat(updated).containsEntry("status", "translated").containsEntry("sourceRevision", 3).containsEntry("revision", 2);

        // The log holds the two revisions, keyed by edition, chapter and language
        List<TranslationChanged> log = eventsOf("2040");
        assertThat(log).extracting(TranslationChanged::getRevision).containsExactly(1L, 2L);
        assertThat(log).extracting(e -> e.getTranslation().getSourceRevision()).containsExactly(1L, 3L);
        assertThat(log.get(0).getMetadata().getActor()).isEqualTo("demo-defenseurs");
    }

    @Test
    void theChaptersTeamTheTranslatorTeamAndAdminsTranslateOthersAreRefused() {
        edition("2041");
        chapter("2041", "defenseurs", "Défenseur.e.s", "Texte.");

        // Another team may not translate the chapter, nor may the chapter's team name a translator team
        translate(ENFANTS, "2041", "defenseurs", "en", Map.of("title", "Defenders", "body", "Text."), null)
                .expectStatus().isForbidden();
        translate(DEFENSEURS, "2041", "defenseurs", "en", Map.of("title", "Defenders", "body", "Text.", "translatorTeam", "enfants"), null)
                .expectStatus().isForbidden();

        // An admin assigns the English translation to team enfants: still missing, with its team
        translate(ADMIN, "2041", "defenseurs", "en", Map.of("translatorTeam", "enfants"), null).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("missing").jsonPath("$.translatorTeam").isEqualTo("enfants");
        assertThat(languages("2041", "defenseurs").get(0)).isEqualTo(row("en", "missing", 1, null, "enfants"));

        // The translator team translates it; it may not hand it to another team
        translate(ENFANTS, "2041", "defenseurs", "en", Map.of("title", "Defenders", "body", "Text."), "\"1\"")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("translated")
                .jsonPath("$.translatorTeam").isEqualTo("enfants").jsonPath("$.updatedBy").isEqualTo("demo-enfants");
        translate(ENFANTS, "2041", "defenseurs", "en", Map.of("title", "Defenders", "body", "Text.", "translatorTeam", "femmes"), "\"2\"")
                .expectStatus().isForbidden();
        // Team enfants may not translate into Spanish, which no one assigned to it
        translate(ENFANTS, "2041", "defenseurs", "es", Map.of("title", "Defensores", "body", "Texto."), null)
                .expectStatus().isForbidden();

        // The chapter's own team still may; then nothing else was written than these three revisions
        translate(DEFENSEURS, "2041", "defenseurs", "en", Map.of("title", "Defenders", "body", "Text, reviewed."), "\"2\"")
                .expectStatus().isOk();
        assertThat(eventsOf("2041")).extracting(e -> e.getLanguage() + " " + e.getRevision() + " " + e.getMetadata().getActor())
                .containsExactly("en 1 demo-admin", "en 2 demo-enfants", "en 3 demo-defenseurs");
    }

    @Test
    void badRequestsNameTheirField() {
        edition("2042");
        chapter("2042", "defenseurs", "Défenseur.e.s", "Texte.");

        problem(translate(DEFENSEURS, "2042", "defenseurs", "de", Map.of("title", "Verteidiger", "body", "Text."), null), 400,
                "language", "must be one of edition 2042's target languages: en, es");
        problem(translate(DEFENSEURS, "2042", "defenseurs", "EN_gb", Map.of("title", "Defenders", "body", "Text."), null), 400,
                "language", "must be one of the languages the report can be published in: " + String.join(", ", ReportIds.LANGUAGES));
        problem(translate(DEFENSEURS, "2042", "defenseurs", "en", Map.of("title", " ", "body", "Text."), null), 400,
                "title", "is required and must not be blank");
        problem(translate(DEFENSEURS, "2042", "defenseurs", "en", Map.of("title", "Defenders", "body", "Text.", "sourceRevision", 2), null),
                400, "sourceRevision", "chapter defenseurs has revisions 1 to 1: a translation translates one of them (default: the current one)");
        problem(translate(DEFENSEURS, "2042", "defenseurs", "en", Map.of("title", "Defenders", "body", "Text.", "translatorTeam", "Team X"),
                null), 400, "translatorTeam", "must be a team id: lowercase letters, digits and single hyphens");
        translate(ADMIN, "2042", "absent", "en", Map.of("title", "Absent", "body", "Text."), null).expectStatus().isNotFound();
        http.get().uri("/api/editions/2042/chapters/defenseurs/translations/en").exchange().expectStatus().isNotFound();

        // Then a valid one, and the 428 / 412 of a change not based on the current revision
        translate(DEFENSEURS, "2042", "defenseurs", "en", Map.of("title", "Defenders", "body", "Text."), null).expectStatus().isCreated();
        translate(DEFENSEURS, "2042", "defenseurs", "en", Map.of("title", "Defenders", "body", "Other."), "")
                .expectStatus().isEqualTo(428);
        translate(DEFENSEURS, "2042", "defenseurs", "en", Map.of("title", "Defenders", "body", "Other."), "\"7\"")
                .expectStatus().isEqualTo(412).expectBody().jsonPath("$.currentRevision").isEqualTo(1);
        assertThat(eventsOf("2042")).extracting(TranslationChanged::getRevision).containsExactly(1L);
    }

    @Test
    void aTranslationsHistoryIsListedComparedAndRestored() {
        edition("2043");
        chapter("2043", "defenseurs", "Défenseur.e.s", "Texte.");
        String base = "/api/editions/2043/chapters/defenseurs/translations/en";
        translate(DEFENSEURS, "2043", "defenseurs", "en", Map.of("title", "Defenders", "body", "First."), null).expectStatus().isCreated();
        translate(DEFENSEURS, "2043", "defenseurs", "en", Map.of("title", "Defenders", "body", "Second."), "\"1\"").expectStatus().isOk();

        http.get().uri(base + "/revisions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].revision").isEqualTo(List.of(1, 2))
                .jsonPath("$[1].changed").isEqualTo(List.of("body"));
        http.get().uri(base + "/revisions/1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.body").isEqualTo("First.").jsonPath("$.sourceRevision").isEqualTo(1);
        http.get().uri(base + "/diff?from=1&to=2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.changed").isEqualTo(List.of("body"))
                .jsonPath("$.diff").value(diff -> assertThat((String) diff).contains("-First.").contains("+Second."));

        // Restoring revision 1 makes its text current as revision 3; deleting keeps the history
        http.post().uri(base + "/revisions/1/restore").header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFENSEURS).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
                .expectBody().jsonPath("$.body").isEqualTo("First.").jsonPath("$.status").isEqualTo("translated");
        http.delete().uri(base).header(HttpHeaders.AUTHORIZATION, "Bearer " + ENFANTS).header(HttpHeaders.IF_MATCH, "\"3\"").exchange()
                .expectStatus().isForbidden();
        http.delete().uri(base).header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFENSEURS).header(HttpHeaders.IF_MATCH, "\"3\"").exchange()
                .expectStatus().isNoContent();
        http.get().uri(base).exchange().expectStatus().isNotFound();
        http.get().uri(base + "/revisions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].revision").isEqualTo(List.of(1, 2, 3, 4)).jsonPath("$[3].deleted").isEqualTo(true);
        assertThat(languages("2043", "defenseurs").get(0)).isEqualTo(row("en", "missing", null, null, null));
    }

    @Test
    void theEditionsStatusTableCountsEachTeamsTranslations() {
        edition("2044");
        chapter("2044", "defenseurs", "Défenseur.e.s", "Texte.");
        chapter("2044", "enfants", "Enfants", "Texte.");
        translate(DEFENSEURS, "2044", "defenseurs", "en", Map.of("title", "Defenders", "body", "Text."), null).expectStatus().isCreated();
        translate(DEFENSEURS, "2044", "defenseurs", "es", Map.of("title", "Defensores", "body", "Texto."), null).expectStatus().isCreated();
        translate(ENFANTS, "2044", "enfants", "en", Map.of("title", "Children", "body", "Text."), null).expectStatus().isCreated();
        chapterEdit(DEFENSEURS, "2044", "defenseurs", "Texte corrigé.", "\"1\"");

        http.get().uri("/api/editions/2044/translations").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.edition").isEqualTo("2044")
                .jsonPath("$.sourceLanguage").isEqualTo("fr")
                .jsonPath("$.targetLanguages").isEqualTo(List.of("en", "es"))
                .jsonPath("$.chapters[*].slug").isEqualTo(List.of("defenseurs", "enfants"))
                .jsonPath("$.chapters[0].position").isEqualTo(1)
                .jsonPath("$.chapters[0].ownerTeam").isEqualTo("defenseurs")
                .jsonPath("$.chapters[0].languages.en.status").isEqualTo("stale")
                .jsonPath("$.chapters[0].languages.es.status").isEqualTo("stale")
                .jsonPath("$.chapters[0].languages.es.sourceRevision").isEqualTo(1)
                .jsonPath("$.chapters[1].languages.en.status").isEqualTo("translated")
                .jsonPath("$.chapters[1].languages.es.status").isEqualTo("missing")
                .jsonPath("$.chapters[1].languages.es.revision").doesNotExist()
                .jsonPath("$.teams").isEqualTo(List.of(
                        Map.of("team", "defenseurs", "translated", 0, "stale", 2, "missing", 0),
                        Map.of("team", "enfants", "translated", 1, "stale", 0, "missing", 1)));
    }

    @Test
    void aClosedEditionsTranslationsAreReadOnlyAndAnEditionWithoutTargetsTakesNone() {
        edition("2045");
        chapter("2045", "defenseurs", "Défenseur.e.s", "Texte.");
        translate(DEFENSEURS, "2045", "defenseurs", "en", Map.of("title", "Defenders", "body", "Text."), null).expectStatus().isCreated();
        for (String step : List.of(":publish", ":close")) {
            http.post().uri("/api/editions/2045" + step).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN).exchange()
                    .expectStatus().isOk();
        }

        // A closed edition refuses every change to its translations, the admin's too
        problem(translate(ADMIN, "2045", "defenseurs", "en", Map.of("title", "Defenders", "body", "Other."), "\"1\""), 409,
                "edition", "the 2045 edition is closed: it can only be corrected by an erratum");
        problem(translate(DEFENSEURS, "2045", "defenseurs", "es", Map.of("title", "Defensores", "body", "Texto."), null), 409,
                "edition", "the 2045 edition is closed: it can only be corrected by an erratum");
        http.delete().uri("/api/editions/2045/chapters/defenseurs/translations/en").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .header(HttpHeaders.IF_MATCH, "\"1\"").exchange().expectStatus().isEqualTo(409);
        assertThat(get("2045", "defenseurs", "en")).containsEntry("body", "Text.").containsEntry("revision", 1);

        // An edition known only from its chapters (older data) has no target language
        chapter("2046", "defenseurs", "Défenseur.e.s", "Texte.");
        problem(translate(DEFENSEURS, "2046", "defenseurs", "en", Map.of("title", "Defenders", "body", "Text."), null), 400,
                "language", "edition 2046 has no target language: add one to the edition first");
        assertThat(languages("2046", "defenseurs")).isEmpty();
        http.get().uri("/api/editions/2046/translations").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.targetLanguages").isEmpty().jsonPath("$.chapters[0].languages").isEmpty();
        http.get().uri("/api/editions/2047/translations").exchange().expectStatus().isNotFound();
        assertThat(eventsOf("2045")).hasSize(1);
        assertThat(eventsOf("2046")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServiceDescribesTheTranslationsApi() {
        String one = "$.paths['/api/editions/{edition}/chapters/{slug}/translations/{language}']";
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath(one + ".put.security[0].bearer").exists()
                .jsonPath(one + ".put.parameters[*].name")
                .value(names -> assertThat((List<String>) names).contains("If-Match", "If-None-Match").doesNotContain("caller"))
                .jsonPath(one + ".get.security").doesNotExist()
                .jsonPath(one + ".delete").exists()
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}/translations'].get").exists()
                .jsonPath("$.paths['/api/editions/{edition}/translations'].get").exists()
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}/translations/{language}/revisions'].get").exists()
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}/translations/{language}/diff'].get").exists()
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}/translations/{language}/revisions/{revision}/restore'].post").exists()
                .jsonPath("$.components.schemas.Translation.properties.sourceTextRevision").exists();
    }

    // --- helpers

    /** An edition written in French, translated into English and Spanish (being prepared: chapters may be written). */
    @Test
    void aTranslationDraftIsReviewedThenPublishedAsTheTranslationWithTheDraftClosedInOneTransaction() {
        // Given a chapter of edition 2056 at revision 1, not translated yet
        edition("2056");
        chapter("2056", "defenseurs", "Défenseur.e.s", "Texte français.");
        String draft = "/api/editions/2056/chapters/defenseurs/translations/en/draft";

        // When its team starts an English draft, changes it and submits it
        Map<String, Object> started = draftPut(DEFENSEURS, draft, "Defenders", "First English words.", null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        draftPut(DEFENSEURS, draft, "Defenders", "English words, reread.", "\"1\"").expectStatus().isOk();
        post(DEFENSEURS, draft + ":submit", null).expectStatus().isOk().expectBody().jsonPath("$.review").isEqualTo("submitted");

        // Then it is a draft of the English translation, based on no translation yet, and nothing is published
        assertThat(started).containsEntry("language", "en").containsEntry("baseRevision", 0).containsEntry("chapterRevision", 0)
                .containsEntry("ownerTeam", "defenseurs").containsEntry("review", "editing");
        http.get().uri("/api/editions/2056/chapters/defenseurs/translations/en").exchange().expectStatus().isNotFound();
        assertThat(eventsOf("2056")).isEmpty();
        http.get().uri("/api/editions/2056/drafts?translations=true").header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFENSEURS).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[*].language").isEqualTo(List.of("en"));
        http.get().uri("/api/editions/2056/drafts").header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFENSEURS).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);

        // When a reviewer approves the revision read, and the team publishes it
        post("demo-reviewer", draft + ":approve", "\"3\"").expectStatus().isOk();
        Map<String, Object> published = post(DEFENSEURS, draft + ":publish", null).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"").expectBody(JSON_OBJECT).returnResult().getResponseBody();

        // Then the translation's revision 1 is the draft's text, translating the chapter's current revision, and the draft is closed
        assertThat(published).containsEntry("language", "en").containsEntry("body", "English words, reread.")
                .containsEntry("sourceRevision", 1).containsEntry("status", "translated").containsEntry("revision", 1);
        assertThat(get("2056", "defenseurs", "en")).containsEntry("body", "English words, reread.").containsEntry("updatedBy", DEFENSEURS);
        assertThat(eventsOf("2056")).extracting(TranslationChanged::getRevision).containsExactly(1L);
        DraftChanged closed = last(draftEventsOf("2056"));
        assertThat(closed.getLanguage()).isEqualTo("en");
        assertThat(closed.getDraft()).isNull();
        assertThat(closed.getClosed().getOutcome()).isEqualTo(DraftOutcome.PUBLISHED);
        assertThat(closed.getClosed().getChapterRevision()).isEqualTo(1L);
        http.get().uri(draft).header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFENSEURS).exchange().expectStatus().isNotFound();
    }

    @Test
    void aTranslationChangedSinceItsDraftStartedIsA409WithTheThreeVersionsUntilMerged() {
        // Given an English translation at revision 1 and a draft of it
        edition("2057");
        chapter("2057", "defenseurs", "Défenseur.e.s", "Texte.");
        translate(DEFENSEURS, "2057", "defenseurs", "en", Map.of("title", "Defenders", "body", "Published text."), null)
                .expectStatus().isCreated();
        String draft = "/api/editions/2057/chapters/defenseurs/translations/en/draft";
        draftPut(DEFENSEURS, draft, "Defenders", "Draft text.", null).expectStatus().isCreated()
                .expectBody().jsonPath("$.baseRevision").isEqualTo(1);

        // When someone changes the translation directly, then the team publishes the draft
        translate(DEFENSEURS, "2057", "defenseurs", "en", Map.of("title", "Defenders", "body", "Changed directly."), "\"1\"")
                .expectStatus().isOk();
        WebTestClient.ResponseSpec conflict = post(DEFENSEURS, draft + ":publish", null);

        // Then 409 with the draft's, the published and the base versions, and nothing is published
        conflict.expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("baseRevision")
                .jsonPath("$.draft.body").isEqualTo("Draft text.")
                .jsonPath("$.published.body").isEqualTo("Changed directly.")
                .jsonPath("$.published.revision").isEqualTo(2)
                .jsonPath("$.base.body").isEqualTo("Published text.");
        assertThat(eventsOf("2057")).hasSize(2);
        http.get().uri(draft).header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFENSEURS).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stale").isEqualTo(true);

        // When the merged text is saved on revision 2 and published
        draftPut(DEFENSEURS, draft, "Defenders", "Merged text.", "\"1\"", Map.of("baseRevision", 2)).expectStatus().isOk();
        post(DEFENSEURS, draft + ":publish", null).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");

        // Then it is the translation's revision 3
        assertThat(get("2057", "defenseurs", "en")).containsEntry("body", "Merged text.").containsEntry("revision", 3);
    }

    @Test
    void theChaptersTeamTheTranslatorTeamAndAdminsWriteATranslationDraftReviewersReadItAndAClosedEditionTakesNone() {
        // Given chapter enfants of edition 2058, whose Spanish translation an admin gave to team femmes
        edition("2058");
        chapter("2058", "enfants", "Enfants", "Texte.");
        translate(ADMIN, "2058", "enfants", "es", Map.of("translatorTeam", "femmes"), null).expectStatus().isCreated();
        String spanish = "/api/editions/2058/chapters/enfants/translations/es/draft";
        String english = "/api/editions/2058/chapters/enfants/translations/en/draft";

        // Then another team may neither write nor read a draft; the translator team writes the Spanish one, not the English
        problemStatus(draftPut(DEFENSEURS, spanish, "Niños", "Texto.", null), 403);
        draftPut("demo-femmes", spanish, "Niños", "Texto.", null).expectStatus().isCreated();
        problemStatus(draftPut("demo-femmes", english, "Children", "Text.", null), 403);
        http.get().uri(spanish).header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFENSEURS).exchange().expectStatus().isForbidden();
        http.get().uri(spanish).header(HttpHeaders.AUTHORIZATION, "Bearer demo-reviewer").exchange().expectStatus().isOk();
        problemStatus(post("demo-reviewer", spanish + ":publish", null), 403);
        draftPut(ENFANTS, english, "Children", "Text.", null).expectStatus().isCreated();
        draftPut(ADMIN, english, "Children", "Text, by an admin.", "\"1\"").expectStatus().isOk();

        // and a language the edition is not translated into, or a source revision on a chapter's draft, is a 400 naming it
        problem(draftPut(ENFANTS, "/api/editions/2058/chapters/enfants/translations/de/draft", "Kinder", "Text.", null), 400,
                "language", "must be one of edition 2058's target languages: en, es");
        draftPut(ENFANTS, "/api/editions/2058/chapters/enfants/draft", "Enfants", "Texte.", null, Map.of("sourceRevision", 1))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("sourceRevision");

        // When the edition is closed
        for (String step : List.of(":publish", ":close")) {
            http.post().uri("/api/editions/2058" + step).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN).exchange()
                    .expectStatus().isOk();
        }

        // Then no translation draft changes any more: 409 naming the edition, and nothing was published
        problem(draftPut(ENFANTS, english, "Children", "Too late.", "\"2\""), 409, "edition",
                "the 2058 edition is closed: it can only be corrected by an erratum");
        problemStatus(post(ENFANTS, english + ":publish", null), 409);
        assertThat(eventsOf("2058")).extracting(TranslationChanged::getLanguage).containsExactly("es");
    }

    private void edition(String edition) {
        http.post().uri("/api/editions/" + edition).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Rapport annuel " + edition, "sourceLanguage", "fr", "targetLanguages", List.of("en", "es")))
                .exchange().expectStatus().isCreated();
    }

    private void chapter(String edition, String slug, String title, String body) {
        http.put().uri("/api/editions/" + edition + "/chapters/" + slug).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .header(HttpHeaders.IF_NONE_MATCH, "*").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", title, "body", body, "ownerTeam", slug, "language", "fr")).exchange()
                .expectStatus().isCreated();
    }

    private void chapterEdit(String token, String edition, String slug, String body, String ifMatch) {
        Map<String, Object> chapter = http.get().uri("/api/editions/" + edition + "/chapters/" + slug).exchange()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        http.put().uri("/api/editions/" + edition + "/chapters/" + slug).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.IF_MATCH, ifMatch).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", chapter.get("title"), "body", body)).exchange()
                .expectStatus().isOk();
    }

    private void move(String edition, String slug, int position) {
        http.post().uri("/api/editions/" + edition + "/chapters/" + slug + "/move").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("position", position)).exchange()
                .expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec translate(String token, String edition, String slug, String language, Map<String, ?> body,
            String ifMatch) {
        // ifMatch null: create (If-None-Match: *); "": neither header
        return http.put().uri("/api/editions/" + edition + "/chapters/" + slug + "/translations/" + language)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(h -> {
                    if (ifMatch != null && !ifMatch.isEmpty()) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    } else if (ifMatch == null) {
                        h.set(HttpHeaders.IF_NONE_MATCH, "*");
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private Map<String, Object> get(String edition, String slug, String language) {
        return http.get().uri("/api/editions/" + edition + "/chapters/" + slug + "/translations/" + language).exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> languages(String edition, String slug) {
        return http.get().uri("/api/editions/" + edition + "/chapters/" + slug + "/translations").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    private static Map<String, Object> row(String language, String status, Integer revision, Integer sourceRevision, String team) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("language", language);
        row.put("status", status);
        row.put("revision", revision);
        row.put("sourceRevision", sourceRevision);
        row.put("translatorTeam", team);
        return row;
    }

    private static void problem(WebTestClient.ResponseSpec response, int status, String field, String problem) {
        response.expectStatus().isEqualTo(status).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].problem").isEqualTo(problem);
    }

    private static List<TranslationChanged> eventsOf(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.TRANSLATIONS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }

    private WebTestClient.ResponseSpec draftPut(String token, String path, String title, String body, String ifMatch) {
        return draftPut(token, path, title, body, ifMatch, Map.of());
    }

    /** PUT of a draft; ifMatch null starts it (If-None-Match: *). */
    private WebTestClient.ResponseSpec draftPut(String token, String path, String title, String body, String ifMatch,
            Map<String, Object> more) {
        Map<String, Object> request = new java.util.HashMap<>(more);
        request.put("title", title);
        request.put("body", body);
        return http.put().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(h -> {
                    if (ifMatch == null) {
                        h.set(HttpHeaders.IF_NONE_MATCH, "*");
                    } else {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String path, String ifMatch) {
        return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                }).exchange();
    }

    private static void problemStatus(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static List<DraftChanged> draftEventsOf(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.DRAFTS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
