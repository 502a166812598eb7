package org.reportplatform.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.gateway.testing.StubService;
import org.reportplatform.gateway.testing.StubService.Answer;
import org.reportplatform.gateway.testing.StubService.Received;
import org.reportplatform.platform.testing.KafkaBroker;
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
 * content-service as three instances: one down, one standby, one active writer (stub HTTP
 * servers). A write through the gateway reaches the active one with its body, whatever the
 * instance tried first; while none is active, the caller gets the standby's 503 and Retry-After.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@AutoConfigureWebTestClient
@DirtiesContext
class ActiveWriterRoutingTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    static final StubService standby = StubService.start();
    static final StubService active = StubService.start();
    static final String CHAPTER = "/api/editions/2024/chapters/defenseurs";
    static final Answer STANDBY = new Answer(503, "application/problem+json", "{\"status\":503,\"detail\":\"en attente\"}",
            Map.of("Retry-After", "1", "Report-Writer", "standby"), Duration.ZERO);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        kafka.register(registry);
        registry.add("report.gateway.content-uri", () -> StubService.downServiceUri() + "," + standby.uri() + "," + active.uri());
    }

    @AfterAll
    static void stopStubs() {
        standby.close();
        active.close();
    }

    @Autowired
    WebTestClient http;

    @Test
    void writesGoToTheActiveInstanceAndNoWhereElseOnceItIsKnown() {
        // Given one instance down, one standby and one active writer
        standby.answer(CHAPTER, STANDBY);
        active.answer(CHAPTER, new Answer(200, "application/json", "{\"revision\":2}", Map.of("ETag", "\"2\""), Duration.ZERO));
        String body = "{\"title\":\"Défenseur.e.s\",\"body\":\"« Œuvrer » ensemble.\"}";

        // When an edit comes through the gateway
        put(body).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");

        // Then the active instance got it whole, after the standby refused it
        assertThat(standby.received()).extracting(Received::body).containsExactly(body);
        assertThat(active.received()).extracting(Received::body).containsExactly(body);

        // When the next edit comes
        put(body).expectStatus().isOk();

        // Then it goes straight to the active instance
        assertThat(standby.received()).hasSize(1);
        assertThat(active.received()).hasSize(2);

        // When the active instance turns into a standby too (none is active, a take-over under way)
        active.answer(CHAPTER, STANDBY);

        // Then the caller gets a 503 problem with Retry-After, and every instance was asked
        put(body).expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(active.received()).hasSize(3);
        assertThat(standby.received()).hasSize(2);
    }

    private WebTestClient.ResponseSpec put(String body) {
        return http.put().uri(CHAPTER)
                .header(HttpHeaders.AUTHORIZATION, "Bearer demo-defenseurs")
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
