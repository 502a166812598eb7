package org.reportplatform.render.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.reportplatform.render.DemoReport;
import org.reportplatform.render.Renderers;
import org.reportplatform.render.site.Rendition;
import org.reportplatform.render.site.Site;

/** Every page of an edition has the search box of its language in its header, leading to the gateway's search page. */
class SearchBoxTest {

    @Test
    void everyPageOfTheEditionHasALabelledSearchBoxLeadingToItsSearchPage() {
        // Given the demo report rendered
        Site site = Renderers.site();
        DemoReport.events().forEach(site::replay);
        List<Rendition> pages = site.renderAll(List.of()).stream().filter(page -> page.path().startsWith("/2024/")).toList();
        assertThat(pages).extracting(Rendition::path).contains("/2024/", "/2024/enfants", "/2024/chiffres-cles", "/2024/finances");

        // Then each has one search landmark in its header: a GET form to /2024/recherche, its field labelled in French
        for (Rendition page : pages) {
            Document html = Jsoup.parse(new String(page.content(), StandardCharsets.UTF_8));
            assertThat(html.select("form[role=search]")).as(page.path()).hasSize(1);
            Element form = html.selectFirst("header form[role=search]");
            assertThat(form).as(page.path()).isNotNull();
            assertThat(form.attr("action")).isEqualTo("/2024/recherche");
            Element field = form.selectFirst("input[type=search][name=q]");
            assertThat(form.select("label[for=" + field.id() + "]").text()).isEqualTo("Rechercher dans le rapport");
        }
    }

    @Test
    void theSearchBoxSpeaksThePagesLanguage() {
        assertThat(Labels.forLanguage("en").searchReport()).isEqualTo("Search the report");
        assertThat(Labels.forLanguage("es").searchReport()).isEqualTo("Buscar en el informe");
        assertThat(new Views.SiteLinks("/2024/en/", "/2024/en/chiffres-cles", "/2024/en/finances", "/2024/en/report.pdf").search())
                .isEqualTo("/2024/en/recherche");
    }
}
