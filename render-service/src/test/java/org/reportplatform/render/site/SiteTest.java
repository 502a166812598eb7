package org.reportplatform.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportplatform.render.Renderers;
import org.reportplatform.render.rendering.PageRenderer;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.render.sources.Edition;
import org.reportplatform.render.sources.EventInfo;
import org.reportplatform.render.sources.Indicator;
import org.reportplatform.render.sources.SourceEvent;
import org.reportplatform.render.sources.SourceRef;
import org.reportplatform.render.sources.Translation;
import org.reportplatform.schemas.IndicatorType;

/** The site without Kafka: what an event dirties, and that incremental rendering equals a full render. */
class SiteTest {

    private static final String E = "2024";

    private final Map<String, Long> revisions = new HashMap<>();
    private long clock = 1_700_000_000_000L;

    private static Site newSite() {
        return Renderers.site();
    }

    private EventInfo info() {
        return new EventInfo(UUID.randomUUID().toString(), Instant.ofEpochMilli(clock++), null);
    }

    private long next(SourceRef ref) {
        return revisions.merge(ref.key(), 1L, Long::sum);
    }

    private SourceEvent chapter(String slug, String title, int position, String body) {
        return chapter(slug, title, position, body, "fr");
    }

    private SourceEvent chapter(String slug, String title, int position, String body, String language) {
        SourceRef ref = SourceRef.chapter(E, slug);
        return new SourceEvent.ChapterEvent(ref, next(ref), info(), new Chapter(E, slug, title, body, position, language));
    }

    private static String html(List<Rendition> renditions, String path) {
        return renditions.stream().filter(r -> r.path().equals(path)).map(r -> new String(r.content(), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }

    private SourceEvent deleteChapter(String slug) {
        SourceRef ref = SourceRef.chapter(E, slug);
        return new SourceEvent.ChapterEvent(ref, next(ref), info(), null);
    }

    private SourceEvent indicator(String id, String value) {
        SourceRef ref = SourceRef.indicator(E, id);
        return new SourceEvent.IndicatorEvent(ref, next(ref), info(),
                new Indicator(E, id, "Libellé " + id, IndicatorType.INTEGER, value, null, "cas", "2024", "Source " + id));
    }

    private SourceEvent deleteIndicator(String id) {
        SourceRef ref = SourceRef.indicator(E, id);
        return new SourceEvent.IndicatorEvent(ref, next(ref), info(), null);
    }

    private SourceEvent dataset(String id, String amount) {
        SourceRef ref = SourceRef.dataset(E, id);
        return new SourceEvent.DatasetEvent(ref, next(ref), info(), new Dataset(E, id, "Tableau " + id,
                List.of(new Dataset.Column("label", false), new Dataset.Column("amount", true)),
                List.of(List.of("a", amount)), "CHF", null));
    }

    private SourceEvent edition(Edition.Status status, List<String> targets, boolean staleNotice) {
        SourceRef ref = SourceRef.edition(E);
        return new SourceEvent.EditionEvent(ref, next(ref), info(), new Edition(E, "Rapport annuel " + E,
                Map.of("en", "Annual report " + E), "fr", targets, status, staleNotice));
    }

    private SourceEvent translation(String slug, String language, String title, String body, long sourceRevision) {
        SourceRef ref = SourceRef.translation(E, slug, language);
        return new SourceEvent.TranslationEvent(ref, next(ref), info(), new Translation(E, slug, language, title, body, sourceRevision));
    }

    private SourceEvent deleteTranslation(String slug, String language) {
        SourceRef ref = SourceRef.translation(E, slug, language);
        return new SourceEvent.TranslationEvent(ref, next(ref), info(), null);
    }

    private SourceEvent correctedChapter(String slug, String title, int position, String body, String note) {
        SourceRef ref = SourceRef.chapter(E, slug);
        return new SourceEvent.ChapterEvent(ref, next(ref), info(), new Chapter(E, slug, title, body, position, "fr",
                List.of(new Chapter.Erratum(Instant.ofEpochMilli(clock), note))));
    }

    private static List<String> paths(List<Rendition> renditions) {
        return renditions.stream().map(Rendition::path).toList();
    }

    private static OutputId page(String slug) {
        return new OutputId.ChapterPage(E, slug);
    }

    @Nested
    class WhatAnEventDirties {

        private final Site site = newSite();

        /** a, b, c, d in that order; a uses figure x, c uses figure y and dataset t. */
        private void givenFourChapters() {
            site.apply(chapter("a", "A", 1, "Chiffre {{fig:x}}"));
            site.apply(chapter("b", "B", 2, "Texte"));
            site.apply(chapter("c", "C", 3, "Chiffre {{fig:y}}\n\n{{chart:t}}"));
            site.apply(chapter("d", "D", 4, "Texte"));
            site.apply(indicator("x", "4445"));
            site.apply(indicator("y", "17"));
            site.apply(dataset("t", "100"));
            site.renderDirty();
        }

        @Test
        void a_chapter_edit_dirties_its_page_the_index_and_its_neighbours_only() {
            givenFourChapters();
            site.apply(chapter("b", "B2", 2, "Texte"));
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/", "/2024/a", "/2024/b", "/2024/c");
        }

        @Test
        void an_indicator_dirties_the_pages_showing_it_and_the_pdf() {
            givenFourChapters();
            site.apply(indicator("x", "5000"));
            // a cites it; the index shows it among its first key figures; the key-figures page lists every indicator
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/", "/2024/a", "/2024/chiffres-cles");
            assertThat(site.takeDirtyDocument()).map(Site.DocumentJob::id).contains(new OutputId.ReportDocument(E));
        }

        @Test
        void an_indicator_used_on_two_pages_rebuilds_exactly_those_two_and_the_pdf() {
            // Given more indicators than the index shows (it shows the first 12 by id), and two chapters citing "z-last"
            for (int i = 0; i < PageRenderer.INDEX_KEY_FIGURES; i++) {
                site.apply(indicator("k" + (10 + i), "1"));
            }
            site.apply(indicator("z-last", "1"));
            site.apply(chapter("a", "A", 1, "Chiffre {{fig:z-last}}"));
            site.apply(chapter("b", "B", 2, "Texte"));
            site.apply(chapter("c", "C", 3, "Chiffre {{fig:z-last}}"));
            site.renderDirty();
            site.takeDirtyDocument();

            // When its value changes
            site.apply(indicator("z-last", "2"));

            // Then the two chapter pages citing it, the page listing every indicator, and the PDF are rebuilt: nothing else
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/a", "/2024/c", "/2024/chiffres-cles");
            assertThat(site.takeDirtyDocument()).map(Site.DocumentJob::id).contains(new OutputId.ReportDocument(E));
            assertThat(site.hasDirtyDocuments()).isFalse();
        }

        @Test
        void key_figures_are_paged_and_a_figure_rebuilds_only_its_page() {
            site.apply(chapter("a", "A", 1, "Texte"));
            for (int i = 1; i <= 2 * OutputId.KeyFiguresPage.PER_PAGE + 1; i++) {
                site.apply(indicator(String.format("k%04d", i), "1"));
            }
            assertThat(paths(site.renderDirty())).contains("/2024/chiffres-cles", "/2024/chiffres-cles/2", "/2024/chiffres-cles/3");
            // a value change: the one page listing it
            site.apply(indicator(String.format("k%04d", OutputId.KeyFiguresPage.PER_PAGE + 7), "2"));
            assertThat(paths(site.renderDirty())).containsExactly("/2024/chiffres-cles/2");
            // one indicator fewer: every page of the list is rebuilt, and the third one no longer exists
            site.apply(deleteIndicator("k0001"));
            List<Rendition> rebuilt = site.renderDirty();
            assertThat(paths(rebuilt)).containsExactlyInAnyOrder("/2024/", "/2024/chiffres-cles", "/2024/chiffres-cles/2", "/2024/chiffres-cles/3");
            assertThat(rebuilt).filteredOn(r -> r.path().equals("/2024/chiffres-cles/3")).singleElement().extracting(Rendition::exists)
                    .isEqualTo(false);
            assertThat(html(rebuilt, "/2024/chiffres-cles/2")).contains("aria-current=\"page\">2</a>");
        }

        @Test
        void a_dataset_dirties_the_pages_drawing_it() {
            givenFourChapters();
            site.apply(dataset("t", "200"));
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/c", "/2024/finances");
        }

        @Test
        void a_new_dataset_dirties_the_finance_page() {
            givenFourChapters();
            site.apply(dataset("u", "5"));
            assertThat(paths(site.renderDirty())).containsExactly("/2024/finances");
        }

        @Test
        void every_event_dirties_its_editions_pdf_and_only_it() {
            givenFourChapters();
            site.takeDirtyDocument();
            site.apply(chapter("b", "B", 2, "Autre texte"));
            site.apply(indicator("x", "1"));
            site.apply(dataset("t", "1"));
            site.apply(new SourceEvent.ChapterEvent(SourceRef.chapter("2025", "a"), 1, info(), new Chapter("2025", "a", "A", "x", 1, "fr")));
            Site.DocumentJob job = site.takeDirtyDocument().orElseThrow();
            assertThat(job.id()).isEqualTo(new OutputId.ReportDocument("2024"));
            assertThat(job.causes().events()).hasSize(3);
            assertThat(site.takeDirtyDocument()).map(Site.DocumentJob::id).contains(new OutputId.ReportDocument("2025"));
            assertThat(site.takeDirtyDocument()).isEmpty();
        }

        @Test
        void the_language_changing_dirties_the_pages_written_in_it() {
            givenFourChapters();
            site.apply(chapter("a", "A", 1, "Figure {{fig:x}}", "en"));
            // An edition without edition event is in its first chapter's language: every page of it
            // and the list of editions depend on that (the other chapters render unchanged).
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/", "/2024/a", "/2024/b", "/2024/c", "/2024/d",
                    "/2024/chiffres-cles", "/2024/finances", "/editions");
        }

        @Test
        void an_indicator_created_after_the_page_that_references_it_rebuilds_that_page() {
            site.apply(chapter("a", "A", 1, "Chiffre {{fig:later}}"));
            assertThat(html(site.renderDirty(), "/2024/a")).contains("indicateur inconnu");
            site.apply(indicator("later", "12"));
            List<Rendition> rebuilt = site.renderDirty();
            assertThat(paths(rebuilt)).containsExactlyInAnyOrder("/2024/", "/2024/a", "/2024/chiffres-cles");
            assertThat(html(rebuilt, "/2024/a")).contains("Chiffre 12").doesNotContain("indicateur inconnu");
        }

        @Test
        void chapter_pages_are_rendered_first() {
            givenFourChapters();
            site.apply(indicator("x", "6000"));
            site.apply(chapter("d", "D", 4, "Chiffre {{fig:x}}"));
            assertThat(paths(site.renderDirty())).startsWith("/2024/a", "/2024/c", "/2024/d");
        }

        @Test
        void a_new_chapter_dirties_its_new_neighbours() {
            givenFourChapters();
            site.apply(chapter("bc", "Entre B et C", 3, "x"));
            // order is now a, b, bc (3), c (3): equal positions are ordered by slug
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/", "/2024/b", "/2024/bc", "/2024/c");
        }

        @Test
        void a_moved_chapter_dirties_its_old_and_new_neighbours() {
            givenFourChapters();
            site.apply(chapter("a", "A", 5, "Chiffre {{fig:x}}"));
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/", "/2024/a", "/2024/b", "/2024/d");
        }

        @Test
        void a_deleted_chapter_renders_as_absent_and_dirties_its_neighbours() {
            givenFourChapters();
            site.apply(deleteChapter("b"));
            List<Rendition> rebuilt = site.renderDirty();
            assertThat(paths(rebuilt)).containsExactlyInAnyOrder("/2024/", "/2024/a", "/2024/b", "/2024/c");
            assertThat(rebuilt).filteredOn(r -> r.path().equals("/2024/b")).singleElement().extracting(Rendition::exists).isEqualTo(false);
            assertThat(site.sourcesOf(page("b"))).isEmpty();
        }

        @Test
        void a_stale_event_dirties_nothing() {
            givenFourChapters();
            SourceRef ref = SourceRef.chapter(E, "b");
            assertThat(site.apply(new SourceEvent.ChapterEvent(ref, 1, info(), new Chapter(E, "b", "Old", "old", 2, "fr")))).isFalse();
            assertThat(site.hasDirty()).isFalse();
        }

        @Test
        void a_burst_renders_each_page_once() {
            givenFourChapters();
            for (int i = 0; i < 10; i++) {
                site.apply(indicator("x", Integer.toString(i)));
            }
            List<Rendition> rebuilt = site.renderDirty();
            assertThat(paths(rebuilt)).containsExactlyInAnyOrder("/2024/", "/2024/a", "/2024/chiffres-cles");
            assertThat(rebuilt.get(0).causes().events()).hasSize(10);
        }

        /** Edition 2024 fr → en; a, b, c; a and c translated from their revision 1, b not. */
        private void givenATranslatedEdition() {
            site.apply(edition(Edition.Status.PUBLISHED, List.of("en"), true));
            site.apply(chapter("a", "A", 1, "Texte A"));
            site.apply(chapter("b", "B", 2, "Texte B"));
            site.apply(chapter("c", "C", 3, "Texte C"));
            site.apply(translation("a", "en", "A in English", "Text A", 1));
            site.apply(translation("c", "en", "C in English", "Text C", 1));
            site.renderDirty();
        }

        @Test
        void a_source_edit_rebuilds_a_translated_page_only_when_it_becomes_stale() {
            givenATranslatedEdition();
            // a text edit of a: its translation becomes stale
            site.apply(chapter("a", "A", 1, "Texte A corrigé"));
            List<Rendition> first = site.renderDirty();
            assertThat(paths(first)).containsExactlyInAnyOrder("/2024/a", "/2024/", "/2024/b", "/2024/en/a");
            assertThat(html(first, "/2024/en/a")).contains("class=\"stale-notice\"");
            // another one: it was stale already, nothing in English changes
            site.apply(chapter("a", "A", 1, "Texte A corrigé deux fois"));
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/a", "/2024/", "/2024/b");
            // the translation of the current revision: only the English pages showing it
            site.apply(translation("a", "en", "A in English", "Text A, corrected", 3));
            List<Rendition> updated = site.renderDirty();
            assertThat(paths(updated)).containsExactlyInAnyOrder("/2024/en/a", "/2024/en/", "/2024/en/b");
            assertThat(html(updated, "/2024/en/a")).doesNotContain("class=\"stale-notice\"");
        }

        @Test
        void a_source_edit_rebuilds_the_pages_of_other_languages_showing_its_text() {
            givenATranslatedEdition();
            // b is not translated: the English site shows its French text and title
            site.apply(chapter("b", "B corrigé", 2, "Texte B corrigé"));
            List<Rendition> rebuilt = site.renderDirty();
            assertThat(paths(rebuilt)).containsExactlyInAnyOrder("/2024/b", "/2024/", "/2024/a", "/2024/c",
                    "/2024/en/b", "/2024/en/", "/2024/en/a", "/2024/en/c");
            assertThat(html(rebuilt, "/2024/en/b")).contains("lang=\"fr\"").contains("Texte B corrigé");
        }

        @Test
        void an_event_during_a_documents_render_makes_it_dirty_again() {
            site.apply(edition(Edition.Status.PUBLISHED, List.of("en"), true));
            site.apply(chapter("a", "A", 1, "Texte A"));
            // Given the English PDF taken for rendering (its snapshot taken, what it uses not recorded yet), after
            // the source language's, which is taken first
            assertThat(site.takeDirtyDocument().orElseThrow().id()).isEqualTo(new OutputId.ReportDocument(E, null));
            Site.DocumentJob english = site.takeDirtyDocument().orElseThrow();
            assertThat(english.id()).isEqualTo(new OutputId.ReportDocument(E, "en"));
            // When a figure appears meanwhile, Then once rendered from the old snapshot, it is dirty again
            site.apply(indicator("x", "4445"));
            site.renderDocument(english);
            List<OutputId> dirty = new ArrayList<>();
            for (Optional<Site.DocumentJob> job = site.takeDirtyDocument(); job.isPresent(); job = site.takeDirtyDocument()) {
                dirty.add(job.get().id());
            }
            assertThat(dirty).contains(new OutputId.ReportDocument(E, "en"));
        }

        @Test
        void an_edition_in_preparation_has_no_page_and_publishing_it_renders_them_all() {
            site.apply(edition(Edition.Status.PREPARING, List.of("en"), true));
            site.apply(chapter("a", "A", 1, "Texte A"));
            assertThat(site.renderDirty()).allMatch(r -> !r.exists() || r.path().equals("/editions"));
            site.apply(edition(Edition.Status.PUBLISHED, List.of("en"), true));
            assertThat(paths(site.renderDirty())).contains("/2024/", "/2024/a", "/2024/en/", "/2024/en/a", "/2024/en/chiffres-cles",
                    "/2024/en/finances", "/editions");
        }

        @Test
        void records_what_each_page_used() {
            givenFourChapters();
            assertThat(site.sourcesOf(page("c"))).extracting(SourceRef::key)
                    .containsExactlyInAnyOrder("chapter:2024/b", "chapter:2024/c", "chapter:2024/d", "indicator:2024/y", "dataset:2024/t",
                            "edition:2024", "language:2024");
            assertThat(site.sourcesOf(new OutputId.IndexPage(E))).extracting(SourceRef::key)
                    .containsExactlyInAnyOrder("chapters:2024", "chapter:2024/a", "chapter:2024/b", "chapter:2024/c", "chapter:2024/d",
                            "indicators:2024", "indicator:2024/x", "indicator:2024/y", "edition:2024", "language:2024");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {2, 42, 2024})
    void incremental_rendering_equals_a_full_render_of_the_final_state(long seed) {
        // Given a random sequence of events, rendered incrementally in random bursts
        Random random = new Random(seed);
        Site incremental = newSite();
        Map<String, String> served = new TreeMap<>();
        List<SourceEvent> log = new ArrayList<>();
        String[] slugs = {"a", "b", "c", "d", "e", "f"};
        String[] figures = {"x", "y", "z"};
        String[] languages = {"en", "es"};
        // a published edition in three languages to start with
        SourceEvent first = edition(Edition.Status.PUBLISHED, List.of("en", "es"), true);
        log.add(first);
        incremental.apply(first);
        for (int i = 0; i < 400; i++) {
            int place = random.nextInt(slugs.length);
            String slug = slugs[place];
            String language = languages[random.nextInt(languages.length)];
            SourceEvent event = switch (random.nextInt(15)) {
                // text edits keep the chapter's place; moves are their own case
                case 0, 1, 2, 3 -> chapter(slug, "Titre " + random.nextInt(5), place,
                        "Corps {{fig:" + figures[random.nextInt(figures.length)] + "}} " + random.nextInt(3)
                                + (random.nextBoolean() ? "\n\n{{chart:t}}" : ""));
                case 4 -> deleteChapter(slug);
                case 5, 6, 7 -> indicator(figures[random.nextInt(figures.length)], Integer.toString(random.nextInt(100_000)));
                case 8 -> dataset("t", Integer.toString(random.nextInt(1000)));
                // editions, now and then (each rebuilds the whole site): status, languages and the stale notice
                case 9 -> random.nextInt(8) != 0 ? chapter(slug, "Titre " + random.nextInt(5), place, "Corps " + i)
                        : edition(random.nextInt(6) == 0 ? Edition.Status.PREPARING
                                        : random.nextBoolean() ? Edition.Status.PUBLISHED : Edition.Status.CLOSED,
                                random.nextInt(3) != 0 ? List.of("en", "es") : random.nextBoolean() ? List.of("en") : List.of(),
                                random.nextInt(4) != 0);
                // translations: of a revision that may be the chapter's latest or an older one (stale), or not written yet
                case 10, 11 -> translation(slug, language, random.nextInt(5) == 0 ? "" : "Title " + random.nextInt(5),
                        "Body {{fig:" + figures[random.nextInt(figures.length)] + "}} " + random.nextInt(3),
                        random.nextInt(1 + revisions.getOrDefault(SourceRef.chapter(E, slug).key(), 0L).intValue() + 1));
                case 12 -> deleteTranslation(slug, language);
                case 13 -> correctedChapter(slug, "Titre " + random.nextInt(5), place, "Corps corrigé", "Note " + random.nextInt(3));
                // a move: another position
                default -> chapter(slug, "Titre 1", random.nextInt(6), "Corps {{fig:x}} 1");
            };
            log.add(event);
            incremental.apply(event);
            if (random.nextInt(4) == 0) {
                serve(served, incremental.renderDirty());
            }
            // now and then an event arrives again (redelivery): it is stale
            if (random.nextInt(10) == 0) {
                incremental.apply(log.get(random.nextInt(log.size())));
            }
        }
        serve(served, incremental.renderDirty());

        // When the same events are replayed into a fresh site and everything is rendered
        Site full = newSite();
        log.forEach(full::replay);
        Map<String, String> expected = new TreeMap<>();
        serve(expected, full.renderAll(List.of()));

        // Then the incremental site serves byte for byte what the full render gives, the PDFs too
        assertThat(served).isEqualTo(expected);
        full.markAllDocumentsDirty(List.of());
        assertThat(documents(incremental)).isEqualTo(documents(full));
    }

    /** Every dirty document rendered once: path to SHA-256, those that exist. */
    private static Map<String, String> documents(Site site) {
        Map<String, String> documents = new TreeMap<>();
        for (Optional<Site.DocumentJob> job = site.takeDirtyDocument(); job.isPresent(); job = site.takeDirtyDocument()) {
            site.renderDocument(job.get()).filter(Rendition::exists).ifPresent(r -> documents.put(r.path(), r.sha256()));
        }
        return documents;
    }

    private static void serve(Map<String, String> served, List<Rendition> renditions) {
        for (Rendition r : renditions) {
            if (r.exists()) {
                served.put(r.path(), new String(r.content(), StandardCharsets.UTF_8));
            } else {
                served.remove(r.path());
            }
        }
    }

    @Test
    void a_document_render_that_runs_out_of_heap_keeps_the_published_version_and_the_next_render_goes_on() {
        // Given a site whose PDF renderer runs out of heap on its first render, as a long report's PDF can
        boolean[] outOfHeap = {true};
        OutputRenderer documents = Renderers.documents();
        Site site = new Site(Renderers.pages(), (id, state) -> {
            if (outOfHeap[0]) {
                outOfHeap[0] = false;
                throw new OutOfMemoryError("Java heap space");
            }
            return documents.render(id, state);
        });
        site.apply(chapter("enfants", "Enfants", 1, "Texte."));

        // When its PDF is rendered, then rendered again after the next edit
        Optional<Rendition> failed = site.renderDocument(site.takeDirtyDocument().orElseThrow());
        site.apply(chapter("enfants", "Enfants", 1, "Texte corrigé."));
        Optional<Rendition> next = site.renderDocument(site.takeDirtyDocument().orElseThrow());

        // Then the failure is counted and publishes nothing, and the next render publishes the PDF
        assertThat(failed).isEmpty();
        assertThat(site.failures()).isEqualTo(1);
        assertThat(next).map(Rendition::path).contains("/2024/report.pdf");
        assertThat(next.orElseThrow().content()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }
}
