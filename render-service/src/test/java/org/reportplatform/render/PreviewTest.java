package org.reportplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.reportplatform.render.preview.ChapterPreview;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.RenderedOutput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The studio's preview ({@code POST /api/editions/{edition}/chapters/{slug}/preview}) against a
 * real broker: the page as the site renders it, with the text being typed, from the service's
 * current state; nothing published. Each test uses an edition of its own
 * ({@code 2091}…; the service is shared: {@link RenderServiceOnBroker}).
 */
class PreviewTest extends RenderServiceOnBroker {

    private static final String NNBSP = "\u202F";

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    private static Predicate<String> edition(String edition) {
        return key -> key.startsWith("/" + edition + "/");
    }

    private WebTestClient.ResponseSpec preview(String edition, String slug, Object body, String token) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/editions/{e}/chapters/{s}/preview", edition, slug)
                .contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.bodyValue(body).exchange();
    }

    private ChapterPreview previewOk(String edition, String slug, String title, String body) {
        return preview(edition, slug, Map.of("title", title, "body", body), "demo-defenseurs")
                .expectStatus().isOk()
                .expectBody(ChapterPreview.class).returnResult().getResponseBody();
    }

    private static double previews(MeterRegistry meters) {
        var timer = meters.find("report.render.preview").timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void a_preview_is_the_page_as_the_site_renders_it_with_the_typed_text_and_publishes_nothing() {
        // Given an edition with two chapters and an indicator, its pages published
        sources.chapter("2091", "intro", 1, "Introduction", 1, "Le début.");
        sources.indicator("2091", "sos-defenders.cases", 1, IndicatorType.INTEGER, "4445", "cas");
        sources.chapter("2091", "defenseurs", 1, "Défenseur.e.s", 2, "Ancien texte.");
        pages.awaitRecords(edition("2091"), records -> records.stream().anyMatch(
                r -> r.key().equals("/2091/defenseurs") && r.value() instanceof RenderedOutput o && o.getSourceRevisions().containsKey("chapter:2091/defenseurs")));
        int before = marker.pages(sources.lastSent(), pages);
        double counted = previews(meters);

        // When someone types a new title and text for defenseurs, with a known and an unknown figure
        ChapterPreview changed = previewOk("2091", "defenseurs", "Défenseur.e.s en danger",
                "Nous avons suivi **{{fig:sos-defenders.cases}}** cas, et {{fig:inconnu.x}} autres.");

        // Then the page is the chapter page with the typed title and text, the figure formatted as the site does
        Document page = Jsoup.parse(changed.html());
        assertThat(changed.html()).startsWith("<!DOCTYPE html>");
        assertThat(page.select("html").attr("lang")).isEqualTo("fr");
        assertThat(page.select("h1").eachText()).containsExactly("Défenseur.e.s en danger");
        assertThat(page.select("article strong").text()).isEqualTo("4" + NNBSP + "445");
        assertThat(page.select("article").text()).doesNotContain("Ancien texte");
        assertThat(page.select("nav.pager a").eachAttr("href")).contains("/2091/intro");
        // and the unknown figure is reported, marked on the page as the site marks it
        assertThat(changed.missing()).containsExactly(new ChapterPreview.Missing("fig", "inconnu.x", "unknown"));
        assertThat(page.select(".missing-ref").text()).contains("inconnu.x");

        // When a chapter that does not exist yet is previewed, with a chart written inside a sentence
        ChapterPreview added = previewOk("2091", "nouveau", "Nouveau chapitre", "Voir {{chart:budget}} ici.");

        // Then it is rendered as a new chapter after the last one, in the edition's language
        Document newPage = Jsoup.parse(added.html());
        assertThat(newPage.select("h1").eachText()).containsExactly("Nouveau chapitre");
        assertThat(newPage.select("html").attr("lang")).isEqualTo("fr");
        assertThat(newPage.select("nav.pager a").eachAttr("href")).contains("/2091/defenseurs");
        assertThat(added.missing()).containsExactly(new ChapterPreview.Missing("chart", "budget", "inline"));

        // and each preview is timed
        assertThat(previews(meters)).isEqualTo(counted + 2);

        // and nothing was published: once a later event's page is out, no page of the edition came out since
        marker.pages(sources.lastSent(), pages);
        assertThat(Marker.since(pages, before, edition("2091"))).isEmpty();

        // and the site's own state is untouched: the next real edit of another chapter still links the old title
        sources.chapter("2091", "intro", 2, "Introduction", 1, "Le début, revu.");
        pages.awaitRecords(edition("2091"), records -> records.stream().anyMatch(r -> r.key().equals("/2091/intro")
                && r.value() instanceof RenderedOutput o && Long.valueOf(2).equals(o.getSourceRevisions().get("chapter:2091/intro"))));
        assertThat(Marker.since(pages, before, k -> k.equals("/2091/nouveau"))).isEmpty();
    }

    @Test
    void bad_input_is_refused_with_a_400_naming_the_field() {
        sources.chapter("2092", "enfants", 1, "Enfants", 1, "Texte.");

        preview("2092", "enfants", Map.of("title", " ", "body", "Texte"), "demo-enfants").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
        preview("2092", "enfants", Map.of("title", "Un\ntitre", "body", "Texte"), "demo-enfants").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
        preview("2092", "enfants", Map.of("title", "Enfants", "body", "x".repeat(100_001)), "demo-enfants").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        preview("2092", "enfants", Map.of("title", "Enfants"), "demo-enfants").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        preview("2092", "Pas_Un_Slug", Map.of("title", "Enfants", "body", "Texte"), "demo-enfants").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("slug");
        preview("2092", "finances", Map.of("title", "Enfants", "body", "Texte"), "demo-enfants").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("slug");
        preview("92", "enfants", Map.of("title", "Enfants", "body", "Texte"), "demo-enfants").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("edition");
    }

    @Test
    void an_anonymous_caller_may_not_preview() {
        preview("2093", "enfants", Map.of("title", "Enfants", "body", "Texte"), null).expectStatus().isUnauthorized();
        preview("2093", "enfants", Map.of("title", "Enfants", "body", "Texte"), "not-a-token").expectStatus().isUnauthorized();
    }
}
