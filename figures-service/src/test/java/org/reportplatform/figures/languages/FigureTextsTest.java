package org.reportplatform.figures.languages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.figures.FiguresServiceOnBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.ReportIds;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Indicators' and datasets' texts in other languages over real HTTP against a real broker: stored,
 * shown, kept by a write that does not send them (a PUT, a CSV import, its dry run), removed by
 * {@code {}}, and every bad one named by its path. Each test uses its own edition ({@code 2090}…;
 * the service is shared: {@link FiguresServiceOnBroker}).
 */
class FigureTextsTest extends FiguresServiceOnBroker {

    private static final String CASES = "{\"label\":\"Cas documentés\",\"type\":\"integer\",\"value\":%d,\"unit\":\"cas\",\"ownerTeam\":\"defenseurs\"%s}";
    private static final String ENGLISH = ",\"texts\":{\"en\":{\"label\":\"Documented cases\",\"unit\":\"cases\",\"source\":\"SOS Defenders database\"}}";

    @Autowired
    WebTestClient http;

    @Test
    void anIndicatorsTextsAreStoredAndKeptByWritesThatDoNotSendThem() {
        put("indicators", "2090", "cases", CASES.formatted(4445, ENGLISH), null).expectStatus().isCreated()
                .expectBody().jsonPath("$.texts.en.label").isEqualTo("Documented cases")
                .jsonPath("$.texts.en.unit").isEqualTo("cases").jsonPath("$.texts.en.source").isEqualTo("SOS Defenders database");

        // A PUT without texts, a CSV import and its dry run leave them as they are
        put("indicators", "2090", "cases", CASES.formatted(4446, ""), "\"1\"").expectStatus().isOk()
                .expectBody().jsonPath("$.texts.en.label").isEqualTo("Documented cases");
        csv("/api/editions/2090/indicators:import?dryRun=true", "id,value\ncases,4447\n", null).expectStatus().isOk();
        csv("/api/editions/2090/indicators:import", "id,value\ncases,4447\n", null).expectStatus().isOk();
        http.get().uri("/api/editions/2090/indicators/cases").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.value").isEqualTo(4447).jsonPath("$.texts.en.label").isEqualTo("Documented cases");

        // {} removes them
        put("indicators", "2090", "cases", CASES.formatted(4447, ",\"texts\":{}"), "\"3\"").expectStatus().isOk()
                .expectBody().jsonPath("$.texts.en").doesNotExist();

        assertThat(new TopicReader(kafka.bootstrapServers()).values(Topics.INDICATORS).stream()
                .filter(e -> e.getEdition().equals("2090")).map(IndicatorChanged::getIndicator)
                .map(s -> s.getValue() + " " + s.getTexts().keySet()).toList())
                .containsExactly("4445 [en]", "4446 [en]", "4447 [en]", "4447 []");
    }

    @Test
    void badTextsAreNamedByTheirPathAndNothingIsPublished() {
        problem(put("indicators", "2091", "cases", CASES.formatted(1, ",\"texts\":{\"en\":{\"unit\":\"cases\"}}"), null),
                "texts.en.label", "is required");
        problem(put("indicators", "2091", "cases", CASES.formatted(1, ",\"texts\":{\"EN!\":{\"label\":\"Cases\"}}"), null),
                "texts.EN!", "must be keyed by one of the languages the report can be published in: " + String.join(", ", ReportIds.LANGUAGES));
        problem(put("indicators", "2091", "cases", CASES.formatted(1, ",\"texts\":{\"es\":{\"label\":\"Casos\",\"source\":\"=HYPERLINK(1)\"}}"), null),
                "texts.es.source", null);
        problem(put("datasets", "2091", "revenus", dataset(",\"texts\":{\"en\":{\"title\":\"Income\",\"columnLabels\":[\"Source\"]}}"), null),
                "texts.en.columnLabels", "has 1 labels; the dataset has 2 columns: one label per column, in column order");
        problem(put("datasets", "2091", "revenus", dataset(",\"texts\":{\"en\":{\"columnLabels\":[\"Source\",\"Amount\"]}}"), null),
                "texts.en.title", "is required");

        // A valid write afterwards is the first and only event of the edition
        put("indicators", "2091", "cases", CASES.formatted(1, ""), null).expectStatus().isCreated();
        assertThat(new TopicReader(kafka.bootstrapServers()).values(Topics.INDICATORS).stream()
                .filter(e -> e.getEdition().equals("2091")).map(IndicatorChanged::getRevision).toList()).containsExactly(1L);
        assertThat(new TopicReader(kafka.bootstrapServers()).values(Topics.DATASETS).stream()
                .filter(e -> e.getEdition().equals("2091")).toList()).isEmpty();
    }

    @Test
    void aDatasetsTextsLabelEachColumnAndSurviveACsvImport() {
        String english = ",\"texts\":{\"en\":{\"title\":\"Income by source\",\"columnLabels\":[\"Source\",\"Amount\"],\"unit\":\"CHF\"}}";
        put("datasets", "2092", "revenus", dataset(english), null).expectStatus().isCreated()
                .expectBody().jsonPath("$.texts.en.title").isEqualTo("Income by source")
                .jsonPath("$.texts.en.columnLabels").isEqualTo(List.of("Source", "Amount"));

        csv("/api/editions/2092/datasets/revenus:import", "source,montant\nFondations,1400000\n", "\"1\"").expectStatus().isOk();
        http.get().uri("/api/editions/2092/datasets/revenus").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.rows").isEqualTo(List.of(List.of("Fondations", "1400000")))
                .jsonPath("$.texts.en.columnLabels").isEqualTo(List.of("Source", "Amount"));

        // New columns without new texts: refused rather than keeping labels that no longer fit
        String threeColumns = "{\"title\":\"Revenus\",\"columns\":[{\"name\":\"source\",\"type\":\"text\"},{\"name\":\"montant\",\"type\":\"number\"},"
                + "{\"name\":\"part\",\"type\":\"number\"}],\"rows\":[[\"Fondations\",1400000,22]],\"ownerTeam\":\"donateurs-finances\"}";
        problem(put("datasets", "2092", "revenus", threeColumns, "\"2\""), "texts.en.columnLabels",
                "has 2 labels and the new columns are 3: send texts with one label per column (or {} to remove them)");
        assertThat(new TopicReader(kafka.bootstrapServers()).values(Topics.DATASETS).stream()
                .filter(e -> e.getEdition().equals("2092")).map(DatasetChanged::getRevision).toList()).containsExactly(1L, 2L);
    }

    private static String dataset(String texts) {
        return "{\"title\":\"Revenus\",\"columns\":[{\"name\":\"source\",\"type\":\"text\"},{\"name\":\"montant\",\"type\":\"number\"}],"
                + "\"rows\":[[\"Gouvernements\",3200000]],\"unit\":\"CHF\",\"ownerTeam\":\"donateurs-finances\"" + texts + "}";
    }

    private WebTestClient.ResponseSpec put(String family, String edition, String id, String json, String ifMatch) {
        return http.put().uri("/api/editions/" + edition + "/" + family + "/" + id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer demo-admin")
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec csv(String uri, String csv, String ifMatch) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer demo-admin")
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).bodyValue(csv).exchange();
    }

    private static void problem(WebTestClient.ResponseSpec response, String field, String problem) {
        var body = response.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        if (problem != null) {
            body.jsonPath("$.errors[0].problem").isEqualTo(problem);
        }
    }
}
