package org.reportplatform.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reportplatform.gateway.testing.RenderedOutputs.html;
import static org.reportplatform.gateway.testing.RenderedOutputs.output;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.schemas.Topics;

/** The index follows the site view record by record: what it finds, in which language, and what it never finds. */
class SearchIndexTest {

    private static final String PAGES = Topics.PAGES.name();
    private static final String DOCUMENTS = Topics.DOCUMENTS.name();

    private final SearchIndex index = new SearchIndex();
    private final SiteView view = new SiteView(List.of(PAGES, DOCUMENTS), List.of(index));
    private final ReportSearch search = new ReportSearch(index);

    @BeforeEach
    void theReportOf2024InFrenchAndEnglish() {
        publish("/2024/", ReportPages.page("fr", "Rapport annuel 2024",
                "<h1>Rapport annuel 2024</h1><section class=\"toc\"><h2>Sommaire</h2><ol><li><a href=\"/2024/femmes\">Femmes</a></li></ol></section>"));
        publish("/2024/en/", ReportPages.page("en", "Annual report 2024", "<h1>Annual report 2024</h1>"));
        publish("/2024/enfants", ReportPages.chapter("fr", "Protéger l’enfant",
                "<p>Les enfants détenus subissent la torture.</p><h2>Défenseur.e.s</h2><p>Nos partenaires accompagnent les familles.</p>"));
        view.markCaughtUp();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void aPublishedPageIsFoundByItsWordsInAnyForm() {
        assertThat(paths("l'enfant", "fr")).containsExactly("/2024/enfants");
        assertThat(paths("enfants", "fr")).containsExactly("/2024/enfants");
        assertThat(paths("defenseur", "fr")).containsExactly("/2024/enfants");
        assertThat(paths("TORTURE détenu", "fr")).containsExactly("/2024/enfants");
        // Every word must be there
        assertThat(paths("torture baleine", "fr")).isEmpty();
    }

    @Test
    void theSnippetIsEscapedTextWithTheWordsFoundMarked() {
        publish("/2024/migrants", ReportPages.chapter("fr", "Migrants", "<p>Les <b>migrant·e·s</b> & leurs <script>x</script>droits.</p>"));

        SearchResults.SearchResult found = search("droits", "fr").results().get(0);

        assertThat(found.title()).isEqualTo("Migrants");
        assertThat(found.kind()).isEqualTo("chapter");
        assertThat(found.snippet()).contains("&amp; leurs <mark>droits</mark>").doesNotContain("<b>", "<script>");
    }

    @Test
    void anUpdateReplacesThePageAndATombstoneDeletesIt() {
        publish("/2024/enfants", ReportPages.chapter("fr", "Protéger l’enfant", "<p>Un texte nouveau sur la scolarisation.</p>"));
        assertThat(paths("scolarisation", "fr")).containsExactly("/2024/enfants");
        assertThat(paths("torture", "fr")).isEmpty();

        view.apply(PAGES, "/2024/enfants", null);
        index.refresh();

        assertThat(paths("scolarisation", "fr")).isEmpty();
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void aSearchUnderWayShowsEachPageAsItsOwnSearcherFoundItWhileANewerVersionIsIndexed() throws Exception {
        IndexedPage seen = index.withSearcher((searcher, analyzer) -> {
            // Given a searcher that found the chapter
            int doc = searcher.search(new TermQuery(new Term(SearchIndex.PATH, "/2024/enfants")), 1).scoreDocs[0].doc;
            // When a new version of it is indexed and made searchable meanwhile
            publish("/2024/enfants", ReportPages.chapter("fr", "Scolariser l’enfant", "<p>Un texte nouveau sur la scolarisation.</p>"));
            return searcher.page(doc);
        });

        // Then that searcher shows the page as it found it, and the next search the new version
        assertThat(seen.title()).isEqualTo("Protéger l’enfant");
        assertThat(seen.text("text_fr")).contains("torture").doesNotContain("scolarisation");
        assertThat(search("scolarisation", "fr").results()).extracting(SearchResults.SearchResult::title).containsExactly("Scolariser l’enfant");
    }

    @Test
    void onlyTheMainContentIsIndexed() {
        // The header, navigation, switcher and search box of every page say "Chiffres clés", "English", "Rechercher"
        assertThat(paths("English", "fr")).isEmpty();
        assertThat(paths("Rechercher", "fr")).isEmpty();
        assertThat(paths("chapitres", "fr")).isEmpty();
        // The contents of the index page are its main content
        assertThat(paths("sommaire", "fr")).containsExactly("/2024/");
    }

    @Test
    void eachLanguageSearchesItsOwnPagesAndFallbackTextByItsLanguage() {
        // Given the English page of a chapter not translated yet: its text is the French one, marked lang="fr"
        publish("/2024/en/enfants", ReportPages.page("en", "Protéger l’enfant",
                "<article><h1 lang=\"fr\">Protéger l’enfant</h1><p class=\"notice\">This chapter has not been translated into English yet.</p>"
                        + "<div class=\"chapter-text\" lang=\"fr\"><p>Les enfants détenus.</p></div></article>"));
        publish("/2024/en/femmes", ReportPages.chapter("en", "Women", "<p>Women human rights defenders were tortured.</p>"));

        // Then the French search finds the French page only, the English one the English pages
        assertThat(paths("enfants", "fr")).containsExactly("/2024/enfants");
        assertThat(paths("l'enfant", "en")).containsExactly("/2024/en/enfants");
        assertThat(paths("defender torture", "en")).containsExactly("/2024/en/femmes");
        assertThat(paths("translated", "en")).containsExactly("/2024/en/enfants");
        assertThat(paths("women", "fr")).isEmpty();
    }

    @Test
    void aKeyFigureIsFoundByItsValueHoweverItIsTyped() {
        publish("/2024/chiffres-cles", ReportPages.page("fr", "Chiffres clés", "<h1>Chiffres clés</h1><dl><div><dt>Victimes soutenues</dt>"
                + "<dd>4\u202F445</dd></div></dl>"));

        for (String typed : List.of("4445", "4 445", "4\u202F445", "4\u00A0445", "victimes soutenues")) {
            SearchResults found = search(typed, "fr");
            assertThat(found.results()).as(typed).extracting(SearchResults.SearchResult::path).containsExactly("/2024/chiffres-cles");
            assertThat(found.results().get(0).kind()).isEqualTo("key-figures");
        }
        assertThat(search("4445", "fr").results().get(0).snippet()).contains("<mark>4\u202F445</mark>");
    }

    @Test
    void documentsAndPagesOutsideAnEditionAreNotIndexed() {
        view.apply(DOCUMENTS, "/2024/report.pdf", output("/2024/report.pdf", "application/pdf", "%PDF torture".getBytes(StandardCharsets.UTF_8)));
        publish("/editions", ReportPages.page("fr", "Éditions", "<h1>Éditions du rapport</h1><p>torture</p>"));

        assertThat(index.size()).isEqualTo(3);
        assertThat(paths("torture", "fr")).containsExactly("/2024/enfants");
    }

    @Test
    void resultsComeTwentyAPage() {
        for (int i = 1; i <= 25; i++) {
            publish("/2024/chapitre-" + i, ReportPages.chapter("fr", "Chapitre " + i, "<p>Un plaidoyer numéro " + i + ".</p>"));
        }

        SearchResults first = search.search(SearchQuery.of("plaidoyer", "2024", "fr", null));
        SearchResults second = search.search(SearchQuery.of("plaidoyer", "2024", "fr", "2"));

        assertThat(first.total()).isEqualTo(25);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.results()).hasSize(20);
        assertThat(second.results()).hasSize(5);
        assertThat(second.results()).extracting(SearchResults.SearchResult::path)
                .doesNotContainAnyElementsOf(first.results().stream().map(SearchResults.SearchResult::path).toList());
    }

    @Test
    void aQueryNamesWhatIsWrongWithIt() {
        assertThatThrownBy(() -> SearchQuery.of(" ", "2024", "fr", null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).extracting(ApiException.FieldProblem::field).containsExactly("q"));
        assertThatThrownBy(() -> SearchQuery.of("a".repeat(201), "2024", "fr", null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).extracting(ApiException.FieldProblem::field).containsExactly("q"));
        assertThatThrownBy(() -> SearchQuery.of("torture", "2024", "fr", "0")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).extracting(ApiException.FieldProblem::field).containsExactly("page"));
        assertThatThrownBy(() -> search.search(SearchQuery.of("torture", "1999", null, null))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).extracting(ApiException.FieldProblem::field).containsExactly("edition"));
        assertThatThrownBy(() -> search.search(SearchQuery.of("torture", "2024", "es", null))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).extracting(ApiException.FieldProblem::field).containsExactly("lang"));
        // No language asked: the edition's source language
        assertThat(search.search(SearchQuery.of("torture", "2024", null, null)).language()).isEqualTo("fr");
    }

    private void publish(String path, String html) {
        view.apply(PAGES, path, html(path, html));
        index.refresh();
    }

    private SearchResults search(String words, String language) {
        return search.search(SearchQuery.of(words, "2024", language, null));
    }

    private List<String> paths(String words, String language) {
        return search(words, language).results().stream().map(SearchResults.SearchResult::path).toList();
    }
}
