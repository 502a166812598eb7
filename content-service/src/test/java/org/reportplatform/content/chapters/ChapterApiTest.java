package org.reportplatform.content.chapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.content.references.KnownReferences;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.AvroSerializer;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ColumnType;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetColumn;
import org.reportplatform.schemas.DatasetState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.ReportIds;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The chapters API over real HTTP, with every change on a real Kafka broker: writes, order,
 * history, diff, restore, reference warnings and the OpenAPI description. Each test works in an
 * edition of its own, so the tests share the broker (and one application context) without
 * sharing state. Restart and racing writers: {@link ChapterLogTest}.
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

    @Autowired
    KnownReferences references;

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
        assertThat(edited).containsEntry("revision", 2).containsEntry("updatedBy", "demo-defenseurs").containsEntry("updatedByName", "Inès Benali")
                .containsEntry("body", "« Œuvrer » ensemble, aujourd’hui.");
        http.get().uri("/api/editions/2030/chapters/defenseurs").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.title").isEqualTo("Défenseur.e.s des droits humains");
        List<ChapterChanged> log = eventsOf("2030");
        assertThat(log).extracting(ChapterChanged::getRevision).containsExactly(1L, 2L);
        assertThat(log.get(1).getChapter().getBody()).isEqualTo("« Œuvrer » ensemble, aujourd’hui.");
        assertThat(log.get(1).getMetadata().getActor()).isEqualTo("demo-defenseurs");
        assertThat(log.get(1).getMetadata().getActorName()).isEqualTo("Inès Benali");
        assertThat(log.get(1).getMetadata().getToken()).isEqualTo("demo-defenseurs");
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
        put(ADMIN, "2038", "Pas_un_Slug", Map.of("title", "x", "body", "y", "ownerTeam", "enfants"), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("slug");
        // A path that climbs out is refused before it reaches the API, by Spring Security's firewall
        put(ADMIN, "2038", "..%2F..%2Fetc", Map.of("title", "x", "body", "y", "ownerTeam", "enfants"), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("path");
        assertThat(eventsOf("2038")).isEmpty();
    }

    @Test
    void theSitesOwnPagesAreNotChapterSlugs() {
        // The site serves /{edition}/chiffres-cles and /{edition}/finances itself (render-service), and the gateway /{edition}/recherche
        for (String reserved : ReportIds.RESERVED_SLUGS) {
            put(ADMIN, "2049", reserved, Map.of("title", "Chiffres", "body", "Texte.", "ownerTeam", "enfants"), null)
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("slug")
                    .jsonPath("$.errors[0].problem").value(p -> assertThat((String) p).startsWith("is reserved"));
        }
        // A slug that only contains such a name is a chapter like any other
        created("2049", "donateurs-finances", "Donateurs et finances", "Texte.");

        assertThat(eventsOf("2049")).extracting(ChapterChanged::getSlug).containsExactly("donateurs-finances");
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

    // ---- Reordering ----------------------------------------------------------------------

    @Test
    void anAdminMovesAChapterAndTheOthersKeepPositionsOneToN() {
        // Given four chapters in report order
        for (String slug : List.of("defenseurs", "migrants", "enfants", "femmes")) {
            created("2042", slug, "Titre " + slug, "Texte.");
        }

        // When an admin moves femmes to the second place, with no If-Match
        http.post().uri("/api/editions/2042/chapters/femmes/move")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("position", 2))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.position").isEqualTo(2).jsonPath("$.updatedBy").isEqualTo("demo-admin");

        // Then the others shifted by one, in one transaction, each with a revision of its own
        http.get().uri("/api/editions/2042/chapters").exchange().expectBody()
                .jsonPath("$[*].slug").isEqualTo(List.of("defenseurs", "femmes", "migrants", "enfants"))
                .jsonPath("$[*].position").isEqualTo(List.of(1, 2, 3, 4))
                .jsonPath("$[*].revision").isEqualTo(List.of(1, 2, 2, 2))
                // the renumbered chapters name the person who moved femmes, not an account id
                .jsonPath("$[2].updatedByName").isEqualTo("Claire Dubois");
        assertThat(eventsOf("2042")).hasSize(7);

        // And a move past the end goes to the end; a team may not move, a stale If-Match is refused
        move(ADMIN, "2042", "defenseurs", 99, "\"1\"").expectStatus().isOk().expectBody().jsonPath("$.position").isEqualTo(4);
        move("demo-enfants", "2042", "enfants", 1, null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("only an admin changes the order of the report");
        move(ADMIN, "2042", "enfants", 1, "\"1\"").expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.currentRevision").isEqualTo(3);
        move(ADMIN, "2042", "enfants", 0, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("position");
        http.get().uri("/api/editions/2042/chapters").exchange().expectBody()
                .jsonPath("$[*].slug").isEqualTo(List.of("femmes", "migrants", "enfants", "defenseurs"))
                .jsonPath("$[*].position").isEqualTo(List.of(1, 2, 3, 4));
    }

    // ---- History, diff, restore ------------------------------------------------------------

    @Test
    void theHistoryTellsWhoChangedWhichFieldsAndWhen() {
        // Given a chapter created by an admin, its body edited by the team, its title by an admin
        created("2043", "enfants", "Enfants", "Premier texte.");
        put("demo-enfants", "2043", "enfants", Map.of("title", "Enfants", "body", "Deuxième texte."), "\"1\"")
                .expectStatus().isOk();
        put(ADMIN, "2043", "enfants", Map.of("title", "Les enfants", "body", "Deuxième texte."), "\"2\"")
                .expectStatus().isOk();

        // When anyone asks for its revisions
        http.get().uri("/api/editions/2043/chapters/enfants/revisions").exchange()
                .expectStatus().isOk()
                .expectBody()
                // Then each names who, when, and which fields changed from the revision before (a creation: every field)
                .jsonPath("$[*].revision").isEqualTo(List.of(1, 2, 3))
                .jsonPath("$[*].updatedBy").isEqualTo(List.of("demo-admin", "demo-enfants", "demo-admin"))
                .jsonPath("$[*].updatedByName").isEqualTo(List.of("Claire Dubois", "Amina Diallo", "Claire Dubois"))
                .jsonPath("$[0].changed").isEqualTo(List.of("title", "body", "position", "ownerTeam", "language", "errata"))
                .jsonPath("$[1].changed").isEqualTo(List.of("body"))
                .jsonPath("$[2].changed").isEqualTo(List.of("title"))
                .jsonPath("$[*].deleted").isEqualTo(List.of(false, false, false))
                .jsonPath("$[2].updatedAt").value(at -> assertThat(Instant.parse((String) at)).isBeforeOrEqualTo(Instant.now()));

        // And revision 1 reads back whole, an unknown revision is 404
        http.get().uri("/api/editions/2043/chapters/enfants/revisions/1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.revision").isEqualTo(1).jsonPath("$.title").isEqualTo("Enfants")
                .jsonPath("$.body").isEqualTo("Premier texte.").jsonPath("$.ownerTeam").isEqualTo("enfants");
        http.get().uri("/api/editions/2043/chapters/enfants/revisions/9").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("chapter enfants has no revision 9; its revisions are 1 to 3");
        http.get().uri("/api/editions/2043/chapters/enfants/revisions/deux").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("revision");
    }

    @Test
    void aLongHistoryIsListedAPageAtATimeNewestPageFirst() {
        // Given a chapter with 8 revisions
        created("2050", "enfants", "Enfants", "Version 1.");
        for (int revision = 1; revision < 8; revision++) {
            put(ADMIN, "2050", "enfants", Map.of("title", "Enfants", "body", "Version " + (revision + 1) + "."), "\"" + revision + "\"")
                    .expectStatus().isOk();
        }
        String revisions = "/api/editions/2050/chapters/enfants/revisions";

        // When its history is asked for 3 revisions at a time
        String next = http.get().uri(revisions + "?limit=3").exchange()
                .expectStatus().isOk()
                // Then the first page holds the newest three, oldest first, and links to the older ones
                .expectBody().jsonPath("$[*].revision").isEqualTo(List.of(6, 7, 8))
                .returnResult().getResponseHeaders().getFirst(HttpHeaders.LINK);
        assertThat(next).isEqualTo("<" + revisions + "?before=6&limit=3>; rel=\"next\"");
        String last = http.get().uri(revisions + "?before=6&limit=3").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].revision").isEqualTo(List.of(3, 4, 5))
                .returnResult().getResponseHeaders().getFirst(HttpHeaders.LINK);
        assertThat(last).isEqualTo("<" + revisions + "?before=3&limit=3>; rel=\"next\"");
        http.get().uri(revisions + "?before=3&limit=3").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody().jsonPath("$[*].revision").isEqualTo(List.of(1, 2));

        // And without parameters a history shorter than a page is listed whole, with no link
        http.get().uri(revisions).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody().jsonPath("$[*].revision").isEqualTo(List.of(1, 2, 3, 4, 5, 6, 7, 8));

        // And a bad page size or start is 400 naming the parameter
        http.get().uri(revisions + "?limit=0").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        http.get().uri(revisions + "?limit=1001").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        http.get().uri(revisions + "?before=hier").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("before");
    }

    @Test
    void aDiffShowsTheTitleAndBodyLineByLine() {
        // Given three revisions of a chapter
        created("2044", "enfants", "Enfants", "Les enfants privés de liberté.\nDétenus avec des adultes.\nFin.\n");
        put(ADMIN, "2044", "enfants", Map.of("title", "Enfants", "body",
                "Les enfants privés de liberté.\nDétenu.e.s avec des adultes.\nFin.\n"), "\"1\"").expectStatus().isOk();
        put(ADMIN, "2044", "enfants", Map.of("title", "Les enfants", "body",
                "Les enfants privés de liberté.\nDétenu.e.s avec des adultes.\nFin.\n", "position", 1), "\"2\"").expectStatus().isOk();

        // When the diff between revisions 1 and 3 is asked for
        http.get().uri("/api/editions/2044/chapters/enfants/diff?from=1&to=3").exchange()
                .expectStatus().isOk()
                .expectBody()
                // Then it names the changed fields and shows title and body as a unified diff
                .jsonPath("$.from").isEqualTo(1)
                .jsonPath("$.to").isEqualTo(3)
                .jsonPath("$.changed").isEqualTo(List.of("title", "body"))
                .jsonPath("$.diff").isEqualTo("""
                        --- title (revision 1)
                        +++ title (revision 3)
                        @@ -1,1 +1,1 @@
                        -Enfants
                        +Les enfants
                        --- body (revision 1)
                        +++ body (revision 3)
                        @@ -1,3 +1,3 @@
                         Les enfants privés de liberté.
                        -Détenus avec des adultes.
                        +Détenu.e.s avec des adultes.
                         Fin.
                        """);

        // And without parameters it shows the last change
        http.get().uri("/api/editions/2044/chapters/enfants/diff").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.from").isEqualTo(2).jsonPath("$.to").isEqualTo(3)
                .jsonPath("$.changed").isEqualTo(List.of("title"));
    }

    @Test
    void theTeamRestoresAnOldRevisionAsANewRevisionWithoutIfMatch() {
        // Given the team replaced the first text of its chapter
        created("2045", "enfants", "Enfants", "Le texte d’origine.");
        put("demo-enfants", "2045", "enfants", Map.of("title", "Enfants", "body", "Un texte raté."), "\"1\"").expectStatus().isOk();

        // When the team restores revision 1, without If-Match
        restore("demo-enfants", "2045", "enfants", 1)
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
                .expectBody()
                // Then revision 3 carries revision 1's content, made by the team
                .jsonPath("$.revision").isEqualTo(3)
                .jsonPath("$.body").isEqualTo("Le texte d’origine.")
                .jsonPath("$.updatedBy").isEqualTo("demo-enfants")
                .jsonPath("$.warnings").doesNotExist();
        List<ChapterChanged> log = eventsOf("2045");
        assertThat(log).extracting(ChapterChanged::getRevision).containsExactly(1L, 2L, 3L);
        assertThat(log.get(2).getChapter()).isEqualTo(log.get(0).getChapter());

        // And another team may not restore it, nor anyone without a token; a stale If-Match is refused
        restore("demo-femmes", "2045", "enfants", 2).expectStatus().isForbidden();
        http.post().uri("/api/editions/2045/chapters/enfants/revisions/2/restore").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/editions/2045/chapters/enfants/revisions/2/restore")
                .header(HttpHeaders.AUTHORIZATION, "Bearer demo-enfants").header(HttpHeaders.IF_MATCH, "\"2\"")
                .exchange().expectStatus().isEqualTo(412);
        assertThat(eventsOf("2045")).hasSize(3);
    }

    @Test
    void anAdminBringsADeletedChapterBackByRestoringOneOfItsRevisions() {
        // Given a deleted chapter, once first of the report
        created("2046", "enfants", "Enfants", "Texte des enfants.");
        created("2046", "femmes", "Les femmes", "Texte des femmes.");
        http.delete().uri("/api/editions/2046/chapters/enfants")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN).header(HttpHeaders.IF_MATCH, "\"1\"")
                .exchange().expectStatus().isNoContent();

        // Then its history stays, the deletion flagged; the deleting revision has no content
        http.get().uri("/api/editions/2046/chapters/enfants/revisions").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].deleted").isEqualTo(List.of(false, true))
                .jsonPath("$[1].changed").isEqualTo(List.of());
        http.get().uri("/api/editions/2046/chapters/enfants/revisions/2").exchange().expectStatus().isEqualTo(410);

        // When its team tries to restore it, or an admin restores the deletion itself, it is refused
        restore("demo-enfants", "2046", "enfants", 1).expectStatus().isForbidden();
        restore(ADMIN, "2046", "enfants", 2).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("revision");

        // When an admin restores revision 1
        restore(ADMIN, "2046", "enfants", 1)
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
                .expectBody().jsonPath("$.position").isEqualTo(1).jsonPath("$.ownerTeam").isEqualTo("enfants");

        // Then it is back at its place, and the chapter after it moved down again
        http.get().uri("/api/editions/2046/chapters").exchange().expectBody()
                .jsonPath("$[*].slug").isEqualTo(List.of("enfants", "femmes"))
                .jsonPath("$[*].position").isEqualTo(List.of(1, 2));
        http.get().uri("/api/editions/2046/chapters/enfants/diff?from=2&to=3").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.fromDeleted").isEqualTo(true)
                .jsonPath("$.diff").value(d -> assertThat((String) d).contains("+Texte des enfants."));
    }

    // ---- Reference warnings ------------------------------------------------------------------

    @Test
    void unknownFiguresAndChartsAreAcceptedAndReturnedAsWarnings() throws Exception {
        // Given edition 2047 has indicator sos-defenders.cases and dataset finances-revenus, and
        // sos.supprime was deleted; sos.x exists only in another edition
        publishFigures(List.of(
                indicator("2047", "sos-defenders.cases", true), indicator("2047", "sos.supprime", true),
                indicator("2047", "sos.supprime", false), indicator("2048", "sos.x", true)),
                List.of(dataset("2047", "finances-revenus")));
        await().atMost(Duration.ofSeconds(10)).until(() -> references.hasDataset("2047", "finances-revenus")
                && !references.hasIndicator("2047", "sos.supprime") && references.hasIndicator("2048", "sos.x"));

        // When an admin writes a body referencing known and unknown ones
        String body = """
                En 2024, {{fig:sos-defenders.cases}} défenseur.e.s soutenu.e.s, et {{fig:sos.x}} autres ({{fig:sos.x}}).

                {{chart:finances-revenus}}

                {{chart:inconnu}} {{fig:sos.supprime}}
                """;
        put(ADMIN, "2047", "defenseurs", Map.of("title", "Défenseur.e.s", "body", body, "ownerTeam", "defenseurs"), null)
                .expectStatus().isCreated()
                .expectBody()
                // Then it is accepted, with one warning per unknown reference
                .jsonPath("$.revision").isEqualTo(1)
                .jsonPath("$.warnings[*].field").isEqualTo(List.of("body", "body", "body"))
                .jsonPath("$.warnings[*].problem").isEqualTo(List.of(
                        "unknown indicator sos.x", "unknown dataset inconnu", "unknown indicator sos.supprime"));
        assertThat(eventsOf("2047")).hasSize(1);

        // And a body whose references all exist gets no warnings field at all
        put(DEFENSEURS, "2047", "defenseurs", Map.of("title", "Défenseur.e.s",
                "body", "{{fig:sos-defenders.cases}} cas.\n\n{{chart:finances-revenus}}\n"), "\"1\"")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.warnings").doesNotExist().jsonPath("$.revision").isEqualTo(2);
    }

    // ---- OpenAPI -------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void theServiceDescribesItsApiWithExamplesAndTheBearerScheme() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes.bearer.type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}'].put.security[0].bearer").exists()
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}'].put.requestBody.content['application/json'].examples['update by the team'].value.title")
                .isEqualTo("Enfants")
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}'].put.responses['412'].content['application/problem+json'].example.currentRevision")
                .isEqualTo(3)
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}'].put.responses['200'].content['application/json'].examples['updated, with warnings'].value.warnings[0].problem")
                .isEqualTo("unknown indicator sos.x")
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}'].put.parameters[*].name")
                .value(names -> assertThat((List<String>) names).contains("If-Match", "If-None-Match").doesNotContain("caller"))
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}'].get.security").doesNotExist()
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}/move'].post").exists()
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}/revisions'].get").exists()
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}/revisions/{revision}'].get").exists()
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}/diff'].get").exists()
                .jsonPath("$.paths['/api/editions/{edition}/chapters/{slug}/revisions/{revision}/restore'].post").exists()
                .jsonPath("$.components.schemas.WrittenChapter.properties.warnings").exists()
                .jsonPath("$.components.schemas.WrittenChapter.properties.revision").exists()
                .jsonPath("$.components.schemas.Problem.properties.currentRevision").exists();
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void aKeepAliveConnectionAnswersEveryRequestAfterAWriteAndARead(@LocalServerPort int port) throws Exception {
        // Given a chapter, and one keep-alive connection that sends a write and a read back to back
        // (HTTP/1.1 pipelining: the read arrives while the write still waits for Kafka)
        created("2060", "enfants", "Enfants", "Texte.");
        byte[] body = "{\"title\":\"Enfants\",\"body\":\"Texte revu.\"}".getBytes(StandardCharsets.UTF_8);
        String write = "PUT /api/editions/2060/chapters/enfants HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer demo-enfants\r\n"
                + "If-Match: \"1\"\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        String read = "GET /api/editions/2060/chapters/enfants HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(write.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(read.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 200 OK");

            // When the client sends one more request on the same connection
            out.write(read.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // Then it is answered (Reactor Netty before 1.3.8 stopped reading such a connection:
            // the request sat unread in the socket and the client waited for ever)
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    /** Reads one whole response (headers and its Content-Length body) and returns its status line. */
    private static String statusLine(BufferedInputStream in) throws Exception {
        String status = line(in);
        long length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(header.substring(15).strip());
            }
        }
        in.skipNBytes(length);
        return status;
    }

    private static String line(BufferedInputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new java.io.EOFException("connection closed after: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
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

    private WebTestClient.ResponseSpec move(String token, String edition, String slug, int position, String ifMatch) {
        return http.post().uri("/api/editions/" + edition + "/chapters/" + slug + "/move")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("position", position))
                .exchange();
    }

    private WebTestClient.ResponseSpec restore(String token, String edition, String slug, long revision) {
        return http.post().uri("/api/editions/" + edition + "/chapters/" + slug + "/revisions/" + revision + "/restore")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    /** Publishes figures as figures-service would: committed events on the indicators and datasets topics. */
    private static void publishFigures(List<IndicatorChanged> indicators, List<DatasetChanged> datasets) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer())) {
            for (IndicatorChanged event : indicators) {
                producer.send(new ProducerRecord<>(Topics.INDICATORS.name(),
                        Topics.sourceKey(event.getEdition(), event.getIndicatorId()), event)).get();
            }
            for (DatasetChanged event : datasets) {
                producer.send(new ProducerRecord<>(Topics.DATASETS.name(),
                        Topics.sourceKey(event.getEdition(), event.getDatasetId()), event)).get();
            }
        }
    }

    private static IndicatorChanged indicator(String edition, String id, boolean exists) {
        return IndicatorChanged.newBuilder().setMetadata(metadata()).setEdition(edition).setIndicatorId(id).setRevision(exists ? 1 : 2)
                .setIndicator(exists ? IndicatorState.newBuilder().setLabel("Cas traités").setType(IndicatorType.INTEGER)
                        .setValue("4445").setOwnerTeam("defenseurs").build() : null)
                .build();
    }

    private static DatasetChanged dataset(String edition, String id) {
        return DatasetChanged.newBuilder().setMetadata(metadata()).setEdition(edition).setDatasetId(id).setRevision(1)
                .setDataset(DatasetState.newBuilder().setTitle("Revenus").setOwnerTeam("donateurs-finances")
                        .setColumns(List.of(new DatasetColumn("source", ColumnType.TEXT), new DatasetColumn("montant", ColumnType.NUMBER)))
                        .setRows(List.of(List.of("Dons", "1200000"))).build())
                .build();
    }

    private static EventMetadata metadata() {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setActor("admin:test").build();
    }

    private static List<ChapterChanged> eventsOf(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.CHAPTERS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }
}
