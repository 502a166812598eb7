package org.reportplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.reportplatform.render.rendering.PdfUa;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.Erratum;
import org.reportplatform.schemas.RenderedOutput;

/**
 * The report in several languages, against a real broker: edition, chapter, translation and
 * indicator events in; each language's pages and PDF out, with its number formats, its words and
 * its {@code lang}; what a source edit and a translation edit rebuild, checked against the outputs
 * actually published (nothing else, up to a later marker event). Each test has an edition of its own
 * ({@code l1}…; the service is shared: {@link RenderServiceOnBroker}).
 */
class LanguagesTest extends RenderServiceOnBroker {

    private static final String NNBSP = "\u202F";

    private static Predicate<String> edition(String edition) {
        return key -> key.startsWith("/" + edition + "/");
    }

    private static byte[] bytes(ConsumerRecord<String, SpecificRecord> record) {
        ByteBuffer content = ((RenderedOutput) record.value()).getContent().duplicate();
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return bytes;
    }

    private static Document page(String path, Predicate<String> until) {
        List<ConsumerRecord<String, SpecificRecord>> records = pages.awaitRecords(path::equals,
                rs -> !rs.isEmpty() && rs.get(rs.size() - 1).value() != null
                        && until.test(new String(bytes(rs.get(rs.size() - 1)), StandardCharsets.UTF_8)));
        return Jsoup.parse(new String(bytes(records.get(records.size() - 1)), StandardCharsets.UTF_8));
    }

    private static String pdfText(String path, Predicate<String> until) throws Exception {
        String[] text = new String[1];
        documents.awaitRecords(path::equals, rs -> {
            if (rs.isEmpty() || rs.get(rs.size() - 1).value() == null) {
                return false;
            }
            try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes(rs.get(rs.size() - 1)))) {
                text[0] = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return until.test(text[0]);
        });
        return text[0];
    }

    private static List<String> paths(List<ConsumerRecord<String, SpecificRecord>> records) {
        return records.stream().map(ConsumerRecord::key).distinct().toList();
    }

    /** Edition {@code e}: French, translated into English and Spanish; a, b, c; a and c in English (from revision 1); figure cases. */
    private static RecordMetadata givenATranslatedEdition(String e) {
        sources.edition(e, 1, EditionStatus.PUBLISHED, List.of("en", "es"), true);
        sources.indicatorInLanguages(e, "cases", 1, "4445", "cas");
        sources.chapter(e, "a", 1, "Défenseur·e·s", 1, "La base a documenté {{fig:cases}} cas.");
        sources.chapter(e, "b", 1, "Enfants", 2, "Texte B, {{fig:cases}} cas.");
        sources.chapter(e, "c", 1, "Femmes", 3, "Texte C.");
        sources.translation(e, "a", "en", 1, "Defenders", "The database documented {{fig:cases}} cases.", 1);
        sources.translation(e, "c", "en", 1, "Women", "Text C.", 1);
        return sources.lastSent();
    }

    @Test
    void each_language_has_its_pages_words_numbers_and_lang() throws Exception {
        givenATranslatedEdition("l1");

        // The source page: French, with the alternates and the switcher
        Document french = page("/l1/a", html -> html.contains("hreflang=\"es\""));
        assertThat(french.select("html").attr("lang")).isEqualTo("fr");
        assertThat(french.select("article").text()).contains("4" + NNBSP + "445 cas");
        assertThat(french.select("link[rel=alternate]").eachAttr("hreflang")).containsExactly("fr", "en", "es", "x-default");
        assertThat(french.select("link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo("/l1/a");
        assertThat(french.select("nav.languages a").eachAttr("href")).containsExactly("/l1/a", "/l1/en/a", "/l1/es/a");
        assertThat(french.select("nav.languages a").eachAttr("lang")).containsExactly("fr", "en", "es");
        assertThat(french.select("nav.languages a").eachText()).containsExactly("Français", "English", "Español");
        assertThat(french.select("nav.languages a[aria-current=page]").text()).isEqualTo("Français");

        // The English translation: English words and numbers, no notice
        Document english = page("/l1/en/a", html -> html.contains("Defenders"));
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        assertThat(english.select("h1").text()).isEqualTo("Defenders");
        assertThat(english.select("article").text()).contains("The database documented 4,445 cases.");
        assertThat(english.select(".site-nav a").eachText()).contains("Contents", "Key figures");
        assertThat(english.select(".site-nav a").eachAttr("href")).containsExactly("/l1/en/", "/l1/en/chiffres-cles", "/l1/en/finances",
                "/l1/en/report.pdf");
        assertThat(english.select(".notice, .stale-notice")).isEmpty();
        assertThat(english.select("nav.languages a[aria-current=page]").text()).isEqualTo("English");

        // Not translated into Spanish: the French text, marked French, and the notice in Spanish
        Document spanish = page("/l1/es/a", html -> html.contains("notice"));
        assertThat(spanish.select("html").attr("lang")).isEqualTo("es");
        assertThat(spanish.select(".chapter-text").attr("lang")).isEqualTo("fr");
        assertThat(spanish.select(".chapter-text").text()).contains("La base a documenté 4" + NNBSP + "445 cas.");
        assertThat(spanish.select("p.notice").text())
                .isEqualTo("Este capítulo todavía no está traducido al español: se muestra en su versión original, en francés.");

        // Key figures in each language's words and formats (Spanish groups from five digits)
        Document keyFiguresEs = page("/l1/es/chiffres-cles", html -> html.contains("Etiqueta cases"));
        assertThat(keyFiguresEs.select("h1").text()).isEqualTo("Cifras clave");
        assertThat(keyFiguresEs.select("tbody tr").first().text()).contains("Etiqueta cases", "4445", "casos");
        Document keyFiguresEn = page("/l1/en/chiffres-cles", html -> html.contains("Label cases"));
        assertThat(keyFiguresEn.select("tbody tr").first().text()).contains("Label cases", "4,445", "cases", "Source (en) cases");
        Document indexEn = page("/l1/en/", html -> html.contains("Women"));
        assertThat(indexEn.select(".cover h1").text()).isEqualTo("Annual report l1");
        assertThat(indexEn.select("nav.toc ol a").eachText()).containsExactly("Defenders", "Enfants", "Women");
        // only the title shown in French says so
        assertThat(indexEn.select("nav.toc ol a[lang]").eachText()).containsExactly("Enfants");
        assertThat(indexEn.select("nav.toc ol a[lang]").attr("lang")).isEqualTo("fr");

        // A PDF per language, each with its own formats
        String englishPdf = pdfText("/l1/en/report.pdf", text -> text.contains("Defenders") && text.contains("Women"));
        assertThat(englishPdf).contains("Annual report l1", "The database documented 4,445 cases.", "Key figures", "Label cases");
        String spanishPdf = pdfText("/l1/es/report.pdf", text -> text.contains("Cifras clave"));
        assertThat(spanishPdf).contains("Etiqueta cases", "4445").doesNotContain("4,445");
        String frenchPdf = pdfText("/l1/report.pdf", text -> text.contains("Femmes"));
        assertThat(frenchPdf).contains("4" + NNBSP + "445").doesNotContain("Defenders");
        // each as published is an accessible PDF (PDF/UA-1, every rule veraPDF checks)
        for (String path : List.of("/l1/report.pdf", "/l1/en/report.pdf", "/l1/es/report.pdf")) {
            List<ConsumerRecord<String, SpecificRecord>> published = documents.records(path::equals);
            assertThat(PdfUa.failedRules(bytes(published.get(published.size() - 1)))).as(path).isEmpty();
        }
    }

    @Test
    void a_french_edit_shows_the_stale_notice_and_the_translation_update_clears_it_rebuilding_only_what_shows_them() {
        marker.pages(givenATranslatedEdition("l2"), pages);
        page("/l2/en/a", html -> html.contains("Defenders"));
        int before = marker.pages(sources.lastSent(), pages);

        // When a's French title and text change (revision 2): its English translation (of revision 1) is stale
        sources.chapter("l2", "a", 2, "Défenseur·e·s des droits", 1, "La base a documenté {{fig:cases}} cas, et davantage.");
        int after = marker.pages(sources.lastSent(), pages);

        // Then the English page says so; what changed is published: the French pages showing a's
        // title or text, the Spanish ones (a is not translated: they show its French title and
        // text), and of the English ones only a's (its notice): the others show its translation
        List<ConsumerRecord<String, SpecificRecord>> rebuilt = Marker.since(pages, before, edition("l2"));
        assertThat(paths(rebuilt)).containsExactlyInAnyOrder("/l2/a", "/l2/", "/l2/b", "/l2/en/a", "/l2/es/a", "/l2/es/",
                "/l2/es/b");
        Document stale = page("/l2/en/a", html -> html.contains("class=\"stale-notice\""));
        assertThat(stale.select("p.stale-notice").text())
                .isEqualTo("The original text has changed since this translation was made; it will be updated.");
        assertThat(stale.select("h1").text()).isEqualTo("Defenders");

        // When the translation is updated from revision 2: the notice goes; only English pages showing it change
        sources.translation("l2", "a", "en", 2, "Defenders of rights", "The database documented {{fig:cases}} cases, and more.", 2);
        marker.pages(sources.lastSent(), pages);
        List<ConsumerRecord<String, SpecificRecord>> updated = Marker.since(pages, after, edition("l2"));
        assertThat(paths(updated)).containsExactlyInAnyOrder("/l2/en/a", "/l2/en/", "/l2/en/b");
        Document fresh = page("/l2/en/a", html -> html.contains("and more."));
        assertThat(fresh.select(".stale-notice")).isEmpty();
    }

    @Test
    void an_edition_in_preparation_is_not_public_until_published() {
        // Given an edition in preparation with a chapter
        sources.edition("l3", 1, EditionStatus.PREPARING, List.of("en"), true);
        sources.chapter("l3", "a", 1, "Chapitre A", 1, "Texte A");
        int seen = marker.pages(sources.lastSent(), pages);
        assertThat(pages.records(edition("l3"))).isEmpty();
        assertThat(page("/editions", html -> true).select("a[href=/l3/]")).isEmpty();

        // When it is published, its pages in both languages are rendered, and /editions lists it
        sources.edition("l3", 2, EditionStatus.PUBLISHED, List.of("en"), true);
        page("/l3/en/a", html -> html.contains("Texte A"));
        page("/l3/", html -> html.contains("Chapitre A"));
        Document editions = page("/editions", html -> html.contains("href=\"/l3/\""));
        assertThat(editions.select("html").attr("lang")).isEqualTo("fr");
        assertThat(editions.select("a[href=/l3/en/]").text()).isEqualTo("English");
        assertThat(seen).isPositive();
    }

    @Test
    void an_erratum_shows_under_the_title_in_every_language() {
        sources.edition("l4", 1, EditionStatus.CLOSED, List.of("en"), true);
        ChapterChanged corrected = SourceTopics.chapterEvent("l4", "a", 2, "Chapitre A", 1, "Texte A corrigé");
        corrected.getChapter().setErrata(List.of(new Erratum(Instant.parse("2026-12-05T10:00:00Z"), "le nombre de cas")));
        sources.chapter(corrected);
        sources.translation("l4", "a", "en", 1, "Chapter A", "Text A", 1);

        Document french = page("/l4/a", html -> html.contains("errata"));
        assertThat(french.select("ul.errata li").first().wholeText()).isEqualTo("Corrigé le 5 décembre 2026\u00A0: le nombre de cas");
        Document english = page("/l4/en/a", html -> html.contains("errata"));
        assertThat(english.select("ul.errata li").first().wholeText()).isEqualTo("Corrected on 5 December 2026: le nombre de cas");
        assertThat(english.select("ul.errata li span").attr("lang")).isEqualTo("fr");
    }
}
