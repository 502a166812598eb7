package org.reportplatform.render.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.reportplatform.render.DemoReport;
import org.reportplatform.render.Renderers;
import org.reportplatform.render.site.Rendition;
import org.reportplatform.render.site.Site;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.schemas.ValueFormatter;

/**
 * The demo report's PDF in French, English and Spanish, and a draft's chapter preview PDF, as
 * assistive technology reads them: PDF/UA-1 as veraPDF validates it (every rule), and what the
 * tagging says (language, title, outline, table headers, the charts' text alternative, the text
 * itself without ligature glyphs). Rendered by the service's renderers from the writers' demo files.
 */
class AccessiblePdfTest {

    private static final Map<String, byte[]> pdfs = new HashMap<>();
    private static byte[] chapterPreview;

    @BeforeAll
    static void render() {
        Site site = Renderers.site();
        DemoReport.eventsInThreeLanguages().forEach(site::replay);
        site.markAllDocumentsDirty(List.of());
        for (var job = site.takeDirtyDocument(); job.isPresent(); job = site.takeDirtyDocument()) {
            Rendition pdf = site.renderDocument(job.get()).orElseThrow();
            pdfs.put(pdf.path(), pdf.content());
        }
        chapterPreview = Renderers.documents().renderChapter(DemoReport.EDITION, null, "donateurs-finances", site.snapshot(DemoReport.EDITION))
                .orElseThrow().content();
    }

    private static byte[] pdf(String path) {
        assertThat(pdfs).containsKey(path);
        return pdfs.get(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/2024/report.pdf", "/2024/en/report.pdf", "/2024/es/report.pdf"})
    void the_report_pdf_conforms_to_pdf_ua_1_in_every_language(String path) {
        assertThat(PdfUa.failedRules(pdf(path))).isEmpty();
    }

    @Test
    void a_draft_preview_pdf_conforms_to_pdf_ua_1() {
        assertThat(PdfUa.failedRules(chapterPreview)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "/2024/report.pdf, fr, Rapport annuel 2024, Sommaire, 3. Défenseur.e.s des droits humains",
            "/2024/en/report.pdf, en, Annual report 2024, Contents, 3. Human rights defenders",
            "/2024/es/report.pdf, es, Informe anual 2024, Índice, 1. Mensaje de nuestra presidenta"})
    void the_pdf_says_its_language_and_title_and_has_an_outline_of_its_chapters(String path, String language, String title,
            String contents, String chapter) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf(path))) {
            var catalog = document.getDocumentCatalog();
            assertThat(catalog.getLanguage()).isEqualTo(language);
            // not strict: xmpbox does not know the PDF/UA identification schema (pdfuaid:part) the PDF declares
            DomXmpParser xmp = new DomXmpParser();
            xmp.setStrictParsing(false);
            assertThat(xmp.parse(catalog.getMetadata().toByteArray()).getDublinCoreSchema().getTitle()).isEqualTo(title);
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            List<String> outline = new ArrayList<>();
            for (PDOutlineItem item : catalog.getDocumentOutline().children()) {
                outline.add(item.getTitle());
            }
            assertThat(outline).hasSize(2 + 14).startsWith(contents).contains(chapter);
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void table_headers_are_tagged_with_their_scope_and_charts_with_the_pages_text_alternative() throws Exception {
        Dataset revenus = DemoReport.datasets().stream().filter(d -> d.id().equals("finances-revenus")).map(DemoReport::dataset)
                .findFirst().orElseThrow();
        String alternative = new ChartRenderer().textAlternative(revenus, ValueFormatter.FRENCH, Labels.FRENCH);
        try (PDDocument document = Loader.loadPDF(pdf("/2024/report.pdf"))) {
            List<PDStructureElement> elements = new ArrayList<>();
            collect(document.getDocumentCatalog().getStructureTreeRoot(), elements);
            List<String> scopes = elements.stream().filter(e -> "TH".equals(e.getStructureType()))
                    .map(AccessiblePdfTest::scope).distinct().toList();
            assertThat(scopes).contains(PDTableAttributeObject.SCOPE_COLUMN).doesNotContainNull();
            assertThat(elements).filteredOn(e -> "Figure".equals(e.getStructureType()))
                    .extracting(PDStructureElement::getAlternateDescription).contains(alternative);
            assertThat(alternative).startsWith("Revenus par source (données illustratives) Diagramme en barres. Gouvernements");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/2024/report.pdf", "/2024/en/report.pdf", "/2024/es/report.pdf"})
    void the_text_extracts_as_written_without_ligature_glyphs(String path) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(path))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("finances").doesNotContainPattern("[\\x{FB00}-\\x{FB06}]");
        }
    }

    @Test
    void the_same_state_renders_the_same_bytes() {
        Site site = Renderers.site();
        DemoReport.eventsInThreeLanguages().forEach(site::replay);
        site.markAllDocumentsDirty(List.of());
        Rendition again = site.renderDocument(site.takeDirtyDocument().orElseThrow()).orElseThrow();
        assertThat(again.content()).isEqualTo(pdf(again.path()));
    }

    private static String scope(PDStructureElement th) {
        var revisions = th.getAttributes();
        for (int i = 0; i < revisions.size(); i++) {
            PDAttributeObject attributes = revisions.getObject(i);
            if (attributes instanceof PDTableAttributeObject table && table.getScope() != null) {
                return table.getScope();
            }
        }
        return null;
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                into.add(element);
                collect(element, into);
            }
        }
    }
}
