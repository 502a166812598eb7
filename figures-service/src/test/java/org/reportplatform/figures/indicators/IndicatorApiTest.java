package org.reportplatform.figures.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.IndicatorChanged;
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

/** The indicators API over real HTTP against a real broker; each test uses its own edition. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@DirtiesContext
class IndicatorApiTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

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

    private static List<IndicatorChanged> eventsOf(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.INDICATORS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }
}
