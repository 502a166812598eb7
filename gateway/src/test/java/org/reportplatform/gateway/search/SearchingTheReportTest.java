package org.reportplatform.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reportplatform.gateway.testing.RenderedOutputs.html;

import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.gateway.testing.TopicPublisher;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Search on a real broker: the index is fed by the gateway's one reader of the rendered topics,
 * from the initial read (before the gateway is ready) to each page published, replaced or deleted
 * while it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class SearchingTheReportTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final String PAGES = Topics.PAGES.name();

    static TopicPublisher publisher;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    @BeforeAll
    static void theReportIsPublishedBeforeTheGatewayStarts() {
        TopicPublisher.createTopics(kafka.bootstrapServers());
        publisher = new TopicPublisher(kafka.bootstrapServers());
        publisher.send(PAGES, "/2024/", html("/2024/", ReportPages.page("fr", "Rapport annuel 2024", "<h1>Rapport annuel 2024</h1>")));
        publisher.send(PAGES, "/2024/en/", html("/2024/en/", ReportPages.page("en", "Annual report 2024", "<h1>Annual report 2024</h1>")));
        publisher.send(PAGES, "/2024/enfants", html("/2024/enfants",
                ReportPages.chapter("fr", "Enfants", "<p>La torture des enfants détenus.</p>")));
        publisher.send(PAGES, "/2024/en/enfants", html("/2024/en/enfants",
                ReportPages.chapter("en", "Children", "<p>The torture of children in detention.</p>")));
        publisher.flush();
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @Autowired
    WebTestClient http;

    @Test
    void whatWasPublishedBeforeTheStartIsSearchableOnceTheGatewayIsReady() {
        // Given the gateway is ready (the test runs once it is), Then the pages of the initial read are found, in their language
        http.get().uri("/api/search?q=torture&edition=2024").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.query").isEqualTo("torture")
                .jsonPath("$.language").isEqualTo("fr")
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.results[0].path").isEqualTo("/2024/enfants")
                .jsonPath("$.results[0].title").isEqualTo("Enfants")
                .jsonPath("$.results[0].kind").isEqualTo("chapter")
                .jsonPath("$.results[0].snippet").isEqualTo("La <mark>torture</mark> des enfants détenus.");
        http.get().uri("/api/search?q=children&edition=2024&lang=en").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.results[*].path").isEqualTo(List.of("/2024/en/enfants"));
    }

    @Test
    void aPagePublishedReplacedAndDeletedIsFoundThenNotFound() {
        // When the render service publishes a chapter, Then its words are found
        publisher.publish(PAGES, "/2024/migrants", html("/2024/migrants",
                ReportPages.chapter("fr", "Migrants", "<p>Les refoulements aux frontières.</p>")));
        awaitFound("refoulement", List.of("/2024/migrants"));

        // When it is rebuilt with other words, Then the old ones are no longer found and the new ones are
        publisher.publish(PAGES, "/2024/migrants", html("/2024/migrants",
                ReportPages.chapter("fr", "Migrants", "<p>Les expulsions collectives.</p>")));
        awaitFound("expulsion", List.of("/2024/migrants"));
        awaitFound("refoulement", List.of());

        // When it is deleted (a tombstone), Then nothing of it is found
        publisher.tombstone(PAGES, "/2024/migrants");
        awaitFound("expulsion", List.of());
    }

    @Test
    void wrongParametersAre400ProblemsNamingTheParameter() {
        expectProblem("/api/search?q=&edition=2024", "q");
        expectProblem("/api/search?q=" + "a".repeat(201) + "&edition=2024", "q");
        expectProblem("/api/search?q=torture&edition=1999", "edition");
        expectProblem("/api/search?q=torture", "edition");
        expectProblem("/api/search?q=torture&edition=2024&lang=es", "lang");
        expectProblem("/api/search?q=torture&edition=2024&page=x", "page");
    }

    @Test
    void theSearchPageIsTheReportsLookWithTheResultsAndWorksWithoutJavaScript() {
        // When a reader sends the form (a GET) of the English search page
        String html = http.get().uri("/2024/en/recherche?q=tortured").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        Document page = Jsoup.parse(html);

        // Then it is the report's page in English, its switcher leading to the same search in French, with the result
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select(".site-header .report-title").text()).isEqualTo("Rapport annuel 2024");
        assertThat(page.select("main h1").text()).isEqualTo("Search the report");
        assertThat(page.select(".languages a[hreflang=fr]").attr("href")).isEqualTo("/2024/recherche?q=tortured");
        assertThat(page.select("form[role=search]")).hasSize(1);
        assertThat(page.select("#recherche-q").attr("value")).isEqualTo("tortured");
        assertThat(page.select("#recherche-compte").text()).isEqualTo("1 result for “tortured”");
        assertThat(page.select(".search-results a").eachAttr("href")).containsExactly("/2024/en/enfants");
        assertThat(page.select(".search-results mark").text()).isEqualTo("torture");

        // And nothing found says so in French on the French page, with advice
        Document none = Jsoup.parse(http.get().uri("/2024/recherche?q=baleine").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(none.select("#recherche-compte").text()).isEqualTo("Aucun résultat pour « baleine »");
        assertThat(none.select(".search-advice").hasAttr("hidden")).isFalse();
        assertThat(none.select(".search-results")).isEmpty();

        // And an edition without pages has no search page
        http.get().uri("/1999/recherche?q=torture").exchange().expectStatus().isNotFound();
    }

    private void expectProblem(String uri, String field) {
        http.get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private void awaitFound(String words, List<String> paths) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.get().uri("/api/search?q={q}&edition=2024", words).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.results[*].path").isEqualTo(paths));
    }
}
