package org.reportplatform.figures.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.figures.FiguresServiceOnBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The indicators API over real HTTP against a real broker, CSV import included; each test uses
 * its own edition ({@code 2050}…, {@code 2070}…; the service is shared: {@link FiguresServiceOnBroker}).
 */
class IndicatorApiTest extends FiguresServiceOnBroker {

    @Autowired
    WebTestClient http;

    @Test
    void anAdminCreatesAnIntegerFigureAndItsTeamUpdatesIt() {
        put("demo-admin", "2050", "sos-defenders.cases", "{\"label\":\"Cas documentés\",\"type\":\"integer\",\"value\":4445,\"unit\":\"cas\",\"ownerTeam\":\"defenseurs\"}", null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");

        put("demo-defenseurs", "2050", "sos-defenders.cases", "{\"label\":\"Cas documentés\",\"type\":\"integer\",\"value\":4446,\"unit\":\"cas\"}", "\"1\"")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.value").isEqualTo(4446).jsonPath("$.ownerTeam").isEqualTo("defenseurs");

        assertThat(eventsOf("2050")).extracting(e -> e.getIndicator().getValue()).containsExactly("4445", "4446");
    }

    @Test
    void decimalsAndMoneyStayExact() {
        put("demo-admin", "2051", "budget.total", "{\"label\":\"Budget\",\"type\":\"money\",\"value\":1234567.10,\"currency\":\"CHF\",\"ownerTeam\":\"donateurs-finances\"}", null)
                .expectStatus().isCreated();
        put("demo-admin", "2051", "share.ngo", "{\"label\":\"Part\",\"type\":\"percentage\",\"value\":\"12.5\",\"ownerTeam\":\"donateurs-finances\"}", null)
                .expectStatus().isCreated();
        put("demo-admin", "2051", "tiny", "{\"label\":\"Petit\",\"type\":\"decimal\",\"value\":12345678901234567.25,\"ownerTeam\":\"enfants\"}", null)
                .expectStatus().isCreated();

        assertThat(eventsOf("2051")).extracting(e -> e.getIndicator().getValue())
                .containsExactlyInAnyOrder("1234567.1", "12.5", "12345678901234567.25");
    }

    @Test
    void badTypedValuesAreRefusedWithTheFieldAndNothingIsPublished() {
        String prefix = "{\"label\":\"X\",\"ownerTeam\":\"enfants\",";
        List<String> bodies = List.of(
                prefix + "\"type\":\"percentage\",\"value\":130}",
                prefix + "\"type\":\"integer\",\"value\":\"beaucoup\"}",
                prefix + "\"type\":\"integer\",\"value\":12.5}",
                prefix + "\"type\":\"money\",\"value\":10,\"currency\":\"XYZ\"}",
                prefix + "\"type\":\"money\",\"value\":10}",
                prefix + "\"type\":\"fraction\",\"value\":1}");
        List<String> fields = List.of("value", "value", "value", "currency", "currency", "type");

        for (int i = 0; i < bodies.size(); i++) {
            put("demo-admin", "2052", "x", bodies.get(i), null)
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(fields.get(i));
        }
        assertThat(eventsOf("2052")).isEmpty();
    }

    @Test
    void anotherTeamCannotChangeAFigure() {
        put("demo-admin", "2053", "sanad.victims-assisted", "{\"label\":\"Victimes\",\"type\":\"integer\",\"value\":158,\"ownerTeam\":\"soutien-aux-victimes\"}", null)
                .expectStatus().isCreated();

        put("demo-defenseurs", "2053", "sanad.victims-assisted", "{\"label\":\"Victimes\",\"type\":\"integer\",\"value\":1}", "\"1\"")
                .expectStatus().isForbidden();

        http.get().uri("/api/editions/2053/indicators/sanad.victims-assisted").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.value").isEqualTo(158);
    }

    @Test
    void anAdminDeletesAnIndicatorOnlyFromItsCurrentRevision() {
        put("demo-admin", "2054", "network.new-members", "{\"label\":\"Nouveaux membres\",\"type\":\"integer\",\"value\":6,\"ownerTeam\":\"renforcement-reseau\"}", null)
                .expectStatus().isCreated();

        delete("demo-renforcement-reseau", "2054", "network.new-members", "\"1\"").expectStatus().isForbidden();
        delete("demo-admin", "2054", "network.new-members", null).expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.currentRevision").isEqualTo(1);
        delete("demo-admin", "2054", "network.new-members", "\"2\"").expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.currentRevision").isEqualTo(1);
        delete(null, "2054", "network.new-members", "\"1\"").expectStatus().isUnauthorized();
        delete("demo-admin", "2054", "network.new-members", "\"1\"").expectStatus().isNoContent();

        http.get().uri("/api/editions/2054/indicators/network.new-members").exchange().expectStatus().isNotFound();
        delete("demo-admin", "2054", "network.new-members", "\"2\"").expectStatus().isNotFound();
        assertThat(eventsOf("2054")).extracting(IndicatorChanged::getRevision).containsExactly(1L, 2L);
        assertThat(eventsOf("2054").get(1).getIndicator()).isNull();

        // Created again, its revisions go on.
        put("demo-admin", "2054", "network.new-members", "{\"label\":\"Nouveaux membres\",\"type\":\"integer\",\"value\":7,\"ownerTeam\":\"renforcement-reseau\"}", null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
    }

    @Test
    void anImportCreatesAndChangesFiguresAndLeavesUnchangedOnesWithoutAnEvent() {
        importCsv("demo-admin", "2055", """
                id,type,value,currency,label,unit,period,source,ownerTeam
                sos-defenders.cases,integer,4445,,Cas documentés,cas,2024,"Base de données SOS Défenseur.e.s, première année",defenseurs
                finances.total,MONEY,1234567.10,CHF,Revenus totaux,,2024,Données illustratives,donateurs-finances
                convention.name,text,-,,Nom,,,,comite-contre-la-torture
                """).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.rows[0].line").isEqualTo(4).jsonPath("$.rows[0].field").isEqualTo("value");
        assertThat(eventsOf("2055")).isEmpty();

        importCsv("demo-admin", "2055", """
                id,type,value,currency,label,unit,period,source,ownerTeam
                sos-defenders.cases,integer,4445,,Cas documentés,cas,2024,"Base de données SOS Défenseur.e.s, première année",defenseurs
                finances.total,MONEY,1234567.10,CHF,Revenus totaux,,2024,Données illustratives,donateurs-finances
                convention.name,text,Convention contre la torture,,Nom,,,,comite-contre-la-torture
                """).expectStatus().isOk()
                .expectBody().json("{\"edition\":\"2055\",\"rows\":3,\"created\":3,\"changed\":0,\"unchanged\":0,\"events\":3}");

        // Only id and value: the other fields stay as they are. 4445.0 is the same integer.
        importCsv("demo-admin", "2055", """
                id,value
                sos-defenders.cases,4445.0
                finances.total,1234567.1
                convention.name,Convention des Nations unies contre la torture
                """).expectStatus().isOk()
                .expectBody().json("{\"rows\":3,\"created\":0,\"changed\":1,\"unchanged\":2,\"events\":1}");

        List<IndicatorChanged> events = eventsOf("2055");
        assertThat(events).hasSize(4);
        assertThat(events).extracting(e -> e.getIndicator().getValue())
                .containsExactlyInAnyOrder("4445", "1234567.1", "Convention contre la torture", "Convention des Nations unies contre la torture");
        http.get().uri("/api/editions/2055/indicators/finances.total").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.currency").isEqualTo("CHF").jsonPath("$.type").isEqualTo("money");
        http.get().uri("/api/editions/2055/indicators/convention.name").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.label").isEqualTo("Nom").jsonPath("$.ownerTeam").isEqualTo("comite-contre-la-torture");
    }

    @Test
    void anImportWithBadRowsWritesNothingAndListsEveryBadRow() {
        importCsv("demo-admin", "2056", """
                id,type,value,currency,label,ownerTeam
                good.one,integer,158,,Victimes assistées,soutien-aux-victimes
                share,percentage,130,,Part,enfants
                count,integer,beaucoup,,Cas,enfants
                formula,text,ok,,"=HYPERLINK(""http://evil"")",enfants
                nolabel,integer,1,,,enfants
                grouped,integer,4 445,,Cas,enfants
                good.one,integer,159,,Victimes assistées,soutien-aux-victimes
                budget,money,10,,Budget,donateurs-finances
                budget.eur,money,10,XYZ,Budget,donateurs-finances
                decimal,decimal,"12,5",,Décimal,enfants
                """).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.rows[*].line").isEqualTo(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11))
                .jsonPath("$.rows[*].field").isEqualTo(List.of("value", "value", "label", "label", "value", "id", "currency", "currency", "value"))
                .jsonPath("$.rows[0].id").isEqualTo("share")
                .jsonPath("$.errors[0].field").isEqualTo("line 3: value")
                .jsonPath("$.badLines").isEqualTo(9)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("nothing was imported"));
        assertThat(eventsOf("2056")).isEmpty();

        importCsv("demo-admin", "2056", "id;valeur\ngood.one;158\n").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.rows[*].field").isEqualTo(List.of("valeur", "value"))
                .jsonPath("$.rows[0].line").isEqualTo(1);
        // A Windows-1252 export sent as UTF-8: refused, not stored with replacement characters.
        http.post().uri("/api/editions/2056/indicators:import").headers(h -> h.setBearerAuth("demo-admin"))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("id,value,type,label,ownerTeam\nx,1,integer,Défenseur.e.s,enfants\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        importCsv("demo-admin", "2056", "id,value\n").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        importCsv("demo-admin", "2056", "id,value\n\"good.one,158\n").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        assertThat(eventsOf("2056")).isEmpty();
    }

    @Test
    void aTeamImportsOnlyItsOwnFigures() {
        put("demo-admin", "2057", "sos-defenders.released", "{\"label\":\"Libéré.e.s\",\"type\":\"integer\",\"value\":41,\"ownerTeam\":\"defenseurs\"}", null)
                .expectStatus().isCreated();
        put("demo-admin", "2057", "sanad.victims-assisted", "{\"label\":\"Victimes\",\"type\":\"integer\",\"value\":158,\"ownerTeam\":\"soutien-aux-victimes\"}", null)
                .expectStatus().isCreated();

        importCsv("demo-defenseurs", "2057", "id,value\nsos-defenders.released,42\nsanad.victims-assisted,1\n")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.rows[0].line").isEqualTo(3).jsonPath("$.rows[0].id").isEqualTo("sanad.victims-assisted");
        importCsv("demo-defenseurs", "2057", "id,value,type,label\nnew.one,1,integer,Nouveau\n").expectStatus().isForbidden();
        importCsv("demo-defenseurs", "2057", "id,value,ownerTeam\nsos-defenders.released,42,enfants\n").expectStatus().isForbidden();
        importCsv(null, "2057", "id,value\nsos-defenders.released,42\n").expectStatus().isUnauthorized();
        assertThat(eventsOf("2057")).hasSize(2);

        importCsv("demo-defenseurs", "2057", "id,value,revision\nsos-defenders.released,42,1\n").expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(1);
        // Based on a revision that is no longer the current one: refused, nothing written.
        importCsv("demo-defenseurs", "2057", "id,value,revision\nsos-defenders.released,43,1\n").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.rows[0].field").isEqualTo("revision");
        http.get().uri("/api/editions/2057/indicators/sos-defenders.released").exchange()
                .expectBody().jsonPath("$.value").isEqualTo(42);
    }

    @Test
    void theImportPathNeverMeetsAnIndicatorIdAndTakesOnlyCsv() {
        put("demo-admin", "2058", "x:import", "{\"label\":\"X\",\"type\":\"integer\",\"value\":1,\"ownerTeam\":\"enfants\"}", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        http.post().uri("/api/editions/2058/indicators:import").header(HttpHeaders.AUTHORIZATION, "Bearer demo-admin")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(415);
        assertThat(eventsOf("2058")).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        String csv = "id,value\n" + "x".repeat(5 * 1024 * 1024);
        importCsv("demo-admin", "2059", csv).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.CONNECTION, "close")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefusedWith413() {
        // No Content-Length: the limit applies while the body streams in.
        byte[] chunk = "x".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> body = reactor.core.publisher.Flux.range(0, 5 * 16 + 1)
                .map(i -> org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(chunk));
        http.post().uri("/api/editions/2059/indicators:import").headers(h -> h.setBearerAuth("demo-admin"))
                .contentType(MediaType.parseMediaType("text/csv")).body(body, org.springframework.core.io.buffer.DataBuffer.class)
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().valueEquals(HttpHeaders.CONNECTION, "close")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void theHistoryListsEveryRevisionAndARestoreIsANewRevisionWithTheOldValue() {
        put("demo-admin", "2070", "network.trainings", "{\"label\":\"Formations\",\"type\":\"integer\",\"value\":12,\"ownerTeam\":\"renforcement-reseau\"}", null)
                .expectStatus().isCreated();
        put("demo-renforcement-reseau", "2070", "network.trainings", "{\"label\":\"Formations\",\"type\":\"integer\",\"value\":13,\"unit\":\"sessions\"}", "\"1\"")
                .expectStatus().isOk();

        http.get().uri("/api/editions/2070/indicators/network.trainings/revisions").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].revision").isEqualTo(List.of(1, 2))
                .jsonPath("$[*].updatedBy").isEqualTo(List.of("demo-admin", "demo-renforcement-reseau"))
                .jsonPath("$[*].updatedByName").isEqualTo(List.of("Claire Dubois", "Olivier Chevalier"))
                .jsonPath("$[*].deleted").isEqualTo(List.of(false, false))
                .jsonPath("$[0].updatedAt").exists()
                .jsonPath("$[0].changed").isEqualTo(List.of("label", "type", "value", "currency", "unit", "period", "source", "ownerTeam", "texts"))
                .jsonPath("$[1].changed").isEqualTo(List.of("value", "unit"));
        http.get().uri("/api/editions/2070/indicators/network.trainings/revisions/1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.value").isEqualTo(12).jsonPath("$.revision").isEqualTo(1).jsonPath("$.unit").doesNotExist();
        http.get().uri("/api/editions/2070/indicators/network.trainings/revisions/3").exchange().expectStatus().isNotFound();
        http.get().uri("/api/editions/2070/indicators/network.trainings/revisions/zero").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/editions/2070/indicators/never/revisions").exchange().expectStatus().isNotFound();

        restore("demo-defenseurs", "2070", "network.trainings", 1, null).expectStatus().isForbidden();
        restore(null, "2070", "network.trainings", 1, null).expectStatus().isUnauthorized();
        restore("demo-renforcement-reseau", "2070", "network.trainings", 1, "\"1\"").expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.currentRevision").isEqualTo(2);
        restore("demo-renforcement-reseau", "2070", "network.trainings", 9, null).expectStatus().isNotFound();
        assertThat(eventsOf("2070")).hasSize(2);

        restore("demo-renforcement-reseau", "2070", "network.trainings", 1, null)
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
                .expectBody().jsonPath("$.value").isEqualTo(12).jsonPath("$.revision").isEqualTo(3)
                .jsonPath("$.ownerTeam").isEqualTo("renforcement-reseau").jsonPath("$.updatedBy").isEqualTo("demo-renforcement-reseau");
        List<IndicatorChanged> events = eventsOf("2070");
        assertThat(events).hasSize(3);
        assertThat(events.get(2).getRevision()).isEqualTo(3L);
        assertThat(events.get(2).getIndicator()).isEqualTo(events.get(0).getIndicator());

        // Restoring what is already current changes nothing; an If-Match that is current is accepted.
        restore("demo-renforcement-reseau", "2070", "network.trainings", 1, "\"3\"")
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
        assertThat(eventsOf("2070")).hasSize(3);
        http.get().uri("/api/editions/2070/indicators/network.trainings/revisions").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[2].changed").isEqualTo(List.of("value", "unit"));
    }

    @Test
    void aLongHistoryIsListedAPageAtATime() {
        // Given an indicator with 5 revisions
        put("demo-admin", "2072", "network.members", "{\"label\":\"Membres\",\"type\":\"integer\",\"value\":1,\"ownerTeam\":\"renforcement-reseau\"}", null)
                .expectStatus().isCreated();
        for (int revision = 1; revision < 5; revision++) {
            put("demo-admin", "2072", "network.members", "{\"label\":\"Membres\",\"type\":\"integer\",\"value\":" + (revision + 1) + "}",
                    "\"" + revision + "\"").expectStatus().isOk();
        }
        String revisions = "/api/editions/2072/indicators/network.members/revisions";

        // When it is listed 2 at a time, the newest page first, following the Link header
        String next = http.get().uri(revisions + "?limit=2").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[*].revision").isEqualTo(List.of(4, 5))
                .returnResult().getResponseHeaders().getFirst(HttpHeaders.LINK);

        // Then the link leads to the older revisions, and the last page has no link
        assertThat(next).isEqualTo("<" + revisions + "?before=4&limit=2>; rel=\"next\"");
        http.get().uri(revisions + "?before=4&limit=2").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[*].revision").isEqualTo(List.of(2, 3));
        http.get().uri(revisions + "?before=2&limit=2").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody().jsonPath("$[*].revision").isEqualTo(List.of(1));
        // And an old revision reads back whole from the log
        http.get().uri(revisions + "/2").exchange().expectStatus().isOk().expectBody().jsonPath("$.value").isEqualTo(2);
        http.get().uri(revisions + "?limit=many").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    @Test
    void onlyAnAdminRestoresADeletedIndicator() {
        put("demo-admin", "2071", "budget.total", "{\"label\":\"Budget\",\"type\":\"money\",\"value\":\"1234567.10\",\"currency\":\"CHF\",\"ownerTeam\":\"donateurs-finances\"}", null)
                .expectStatus().isCreated();
        delete("demo-admin", "2071", "budget.total", "\"1\"").expectStatus().isNoContent();

        http.get().uri("/api/editions/2071/indicators/budget.total/revisions").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[1].deleted").isEqualTo(true).jsonPath("$[1].changed").isEmpty();
        http.get().uri("/api/editions/2071/indicators/budget.total/revisions/2").exchange().expectStatus().isEqualTo(410);
        restore("demo-admin", "2071", "budget.total", 2, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("revision");
        restore("demo-donateurs-finances", "2071", "budget.total", 1, null).expectStatus().isForbidden();
        assertThat(eventsOf("2071")).hasSize(2);

        restore("demo-admin", "2071", "budget.total", 1, null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
                .expectBody().jsonPath("$.value").isEqualTo(1234567.1).jsonPath("$.currency").isEqualTo("CHF")
                .jsonPath("$.ownerTeam").isEqualTo("donateurs-finances");
        assertThat(eventsOf("2071")).hasSize(3).last().extracting(e -> e.getIndicator().getValue()).isEqualTo("1234567.1");
    }

    private WebTestClient.ResponseSpec restore(String token, String edition, String id, int revision, String ifMatch) {
        return http.post().uri("/api/editions/" + edition + "/indicators/" + id + "/revisions/" + revision + "/restore")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .exchange();
    }

    private WebTestClient.ResponseSpec importCsv(String token, String edition, String csv) {
        return http.post().uri("/api/editions/" + edition + "/indicators:import")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).bodyValue(csv).exchange();
    }

    private WebTestClient.ResponseSpec delete(String token, String edition, String id, String ifMatch) {
        return http.delete().uri("/api/editions/" + edition + "/indicators/" + id)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .exchange();
    }

    private WebTestClient.ResponseSpec put(String token, String edition, String id, String json, String ifMatch) {
        return http.put().uri("/api/editions/" + edition + "/indicators/" + id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private List<IndicatorChanged> eventsOf(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.INDICATORS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }
}
