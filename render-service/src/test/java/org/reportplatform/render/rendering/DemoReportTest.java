package org.reportplatform.render.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportplatform.render.DemoReport;
import org.reportplatform.render.Renderers;
import org.reportplatform.render.site.Rendition;
import org.reportplatform.render.site.Site;

/**
 * The demo report (the OMCT's « Rapport annuel 2024 », read from the writers' demo files) rendered
 * without Kafka: what the pages and the PDF say, exactly. The outputs are also written to
 * {@code target/demo-report/} (HTML pages, {@code report.pdf}, its extracted text) for a look.
 */
class DemoReportTest {

    private static final String NNBSP = "\u202F";
    private static final String NBSP = "\u00A0";

    private static List<Rendition> pages;
    private static byte[] pdf;
    private static List<String> pdfPages;

    @BeforeAll
    static void render() throws IOException {
        Site site = Renderers.site();
        DemoReport.events().forEach(site::replay);
        pages = site.renderAll(List.of());
        site.markAllDocumentsDirty(List.of());
        pdf = site.renderDocument(site.takeDirtyDocument().orElseThrow()).orElseThrow().content();
        pdfPages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pdfPages.add(stripper.getText(document));
            }
        }
        Path out = Path.of(System.getProperty("basedir", "."), "target", "demo-report");
        Files.createDirectories(out);
        for (Rendition page : pages) {
            String name = page.path().equals("/2024/") ? "index" : page.path().substring("/2024/".length());
            Files.write(out.resolve(name + ".html"), page.content());
        }
        Files.write(out.resolve("report.pdf"), pdf);
        Files.writeString(out.resolve("report.txt"), String.join("\f", pdfPages));
    }

    private static String html(String path) {
        return pages.stream().filter(p -> p.path().equals(path)).map(p -> new String(p.content(), StandardCharsets.UTF_8))
                .findFirst().orElseThrow(() -> new AssertionError("no page " + path));
    }

    private static String pageOf(String text) {
        return pdfPages.stream().filter(p -> p.contains(text)).findFirst().orElseThrow(() -> new AssertionError("no PDF page shows " + text));
    }

    @Test
    void the_site_has_an_index_key_figures_finances_and_a_page_per_chapter() {
        assertThat(pages).extracting(Rendition::path).containsExactlyInAnyOrder("/2024/", "/2024/chiffres-cles", "/2024/finances",
                "/2024/message-presidente", "/2024/comite-contre-la-torture", "/2024/defenseurs", "/2024/reponse-aux-crises",
                "/2024/violences-policieres", "/2024/quete-de-justice", "/2024/soutien-aux-victimes", "/2024/migrants", "/2024/enfants",
                "/2024/femmes", "/2024/renforcement-reseau", "/2024/partenaires-locaux", "/2024/initiatives-culturelles",
                "/2024/donateurs-finances", "/editions");
        Document index = Jsoup.parse(html("/2024/"));
        assertThat(index.select(".cover h1").text()).isEqualTo("Rapport annuel 2024");
        assertThat(index.select(".cover .subtitle").text()).isEqualTo("Défendre les droits humains dans un monde en crise");
        assertThat(index.select("nav.toc ol a")).hasSize(14);
        assertThat(index.select("nav.toc ol a").first().text()).isEqualTo("Un message de notre présidente");
        // linked from the index and from every page's navigation
        assertThat(index.select("nav.toc a").eachAttr("href")).contains("/2024/chiffres-cles", "/2024/finances", "/2024/report.pdf");
        for (Rendition page : pages) {
            Document doc = Jsoup.parse(new String(page.content(), StandardCharsets.UTF_8));
            assertThat(doc.select("nav.site-nav a").eachAttr("href"))
                    .as(page.path())
                    .containsExactly("/2024/", "/2024/chiffres-cles", "/2024/finances", "/2024/report.pdf");
        }
    }

    @Test
    void the_key_figures_page_lists_every_indicator_with_its_unit_period_and_source() {
        Document page = Jsoup.parse(html("/2024/chiffres-cles"));
        assertThat(page.select("h1").text()).isEqualTo("Chiffres clés");
        assertThat(page.select("nav.site-nav a[aria-current=page]").text()).isEqualTo("Chiffres clés");
        assertThat(page.select("tbody tr")).hasSize(9);
        var cases = page.select("tr#sos-defenders\\.cases td");
        assertThat(page.select("tr#sos-defenders\\.cases th").text()).isEqualTo("Cas de défenseur.e.s détenu.e.s arbitrairement documentés");
        assertThat(cases.eachText()).containsExactly("4" + NNBSP + "445", "cas", "2024", "Base de données SOS Défenseur.e.s (première année)");
    }

    @Test
    void the_finance_page_draws_every_dataset_as_an_accessible_chart_and_a_table() {
        Document page = Jsoup.parse(html("/2024/finances"));
        assertThat(page.select("figure.dataset figcaption").eachText())
                .containsExactly("Dépenses par programme (données illustratives)", "Revenus par source (données illustratives)");
        var svg = page.select("figure#chart-finances-revenus svg").first();
        assertThat(svg).isNotNull();
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.select("title").text()).isEqualTo("Revenus par source (données illustratives)");
        assertThat(svg.select("desc").first().wholeText()).isEqualTo("Diagramme en barres. Gouvernements" + NBSP + ": 3" + NNBSP + "200"
                + NNBSP + "000" + NBSP + "CHF" + NBSP + "; Fondations privées" + NBSP + ": 1" + NNBSP + "400" + NNBSP + "000" + NBSP + "CHF"
                + NBSP + "; Union européenne" + NBSP + ": 1" + NNBSP + "100" + NNBSP + "000" + NBSP + "CHF" + NBSP + "; Dons individuels"
                + NBSP + ": 450" + NNBSP + "000" + NBSP + "CHF" + NBSP + "; Autres" + NBSP + ": 250" + NNBSP + "000" + NBSP + "CHF.");
        assertThat(svg.select("text").eachText()).contains("Gouvernements", "3" + NNBSP + "200" + NNBSP + "000", "1" + NNBSP + "000" + NNBSP + "000");
        assertThat(page.select("figure#chart-finances-revenus table td.num").eachText())
                .containsExactly("3" + NNBSP + "200" + NNBSP + "000", "1" + NNBSP + "400" + NNBSP + "000", "1" + NNBSP + "100" + NNBSP + "000",
                        "450" + NNBSP + "000", "250" + NNBSP + "000");
    }

    @Test
    void the_pdf_has_a_cover_a_contents_with_page_numbers_and_the_chapters_in_order() {
        assertThat(pdfPages.get(0)).contains("Rapport annuel 2024").contains("Défendre les droits humains dans un monde en crise");
        String contents = pdfPages.get(1);
        assertThat(contents).startsWith("Rapport annuel 2024 Sommaire").contains("Chiffres clés");
        Matcher line = Pattern.compile("(?m)^(\\d+)\\. (.+?) *\\.{5,} *(\\d+)$").matcher(contents);
        List<String> titles = new ArrayList<>();
        int previousPage = 0;
        while (line.find()) {
            assertThat(Integer.parseInt(line.group(1))).isEqualTo(titles.size() + 1);
            titles.add(line.group(2).strip());
            int page = Integer.parseInt(line.group(3));
            assertThat(page).isGreaterThan(previousPage);
            previousPage = page;
            // the chapter does start on the page the contents gives
            assertThat(pdfPages.get(page - 1)).contains(line.group(2).strip());
        }
        assertThat(titles).containsExactly("Un message de notre présidente", "Comité contre la Torture", "Défenseur.e.s des droits humains",
                "Réponse aux crises", "Violences policières", "En quête de justice", "Soutien aux victimes", "Les migrant.e.s", "Enfants",
                "Les femmes", "Renforcement du Réseau et du mouvement des droits humains", "Accompagner les partenaires locaux",
                "Initiatives culturelles", "Donateurs et finances");
        // every page after the cover has its header and its page number
        for (int p = 1; p < pdfPages.size(); p++) {
            assertThat(pdfPages.get(p)).startsWith("Rapport annuel 2024").contains((p + 1) + " / " + pdfPages.size());
        }
    }

    @Test
    void the_pdf_text_keeps_the_french_typography_and_the_figures_exactly() {
        String message = pageOf("Un message de notre présidente\n");
        assertThat(message)
                .contains("recensé 4" + NNBSP + "445 cas de")
                .contains("défenseur.e.s détenu.e.s arbitrairement dans 17 pays")
                .contains("libéré.e.s")
                .contains("qui œuvrent à nos côtés")
                .contains("l’«" + NBSP + "Indice mondial de la")
                .contains("s’est élargi" + NBSP + ": 6 nouveaux membres");
        String defenders = pageOf("Défenseur.e.s des droits humains\n");
        assertThat(defenders).contains("documenté 4" + NNBSP + "445").contains("notre mécanisme de soutien d’urgence prend le relais");
        assertThat(pageOf("Chiffres clés\nIndicateur")).contains("4" + NNBSP + "445 cas 2024").contains("158 personnes 2024");
        String finances = pageOf("Donateurs et finances\n");
        assertThat(finances).contains("Revenus par source (données illustratives)").contains("Gouvernements 3" + NNBSP + "200" + NNBSP + "000");
        // no line of the PDF breaks inside an inclusive form or after an apostrophe
        String all = String.join("\n", pdfPages);
        assertThat(all).doesNotContainPattern("\\.e\\.\\n").doesNotContainPattern("’\\n");
    }

    @Test
    void the_pdf_embeds_its_fonts_and_carries_no_clock() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).allMatch(name -> name.contains("DejaVu"));
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Rapport annuel 2024");
            assertThat(document.getDocumentInformation().getCreationDate()).isNull();
            assertThat(document.getDocumentInformation().getModificationDate()).isNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            COSArray id = document.getDocument().getTrailer().getCOSArray(COSName.ID);
            assertThat(id).isNotNull();
        }
    }

    @Test
    void the_same_state_renders_the_same_bytes() {
        Site again = Renderers.site();
        DemoReport.events().forEach(again::replay);
        again.markAllDocumentsDirty(List.of());
        byte[] second = again.renderDocument(again.takeDirtyDocument().orElseThrow()).orElseThrow().content();
        assertThat(second).isEqualTo(pdf);
        assertThat(again.renderAll(List.of())).extracting(Rendition::sha256).isEqualTo(pages.stream().map(Rendition::sha256).toList());
    }
}
